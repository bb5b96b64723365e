"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Every table of the domain, the default lookup lists, and (on SQLite) the FTS5 search index.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from interface_desktop.db import sqlite_adapter

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

# The lists a new database starts with, as they were when this revision was written (the migration keeps its own
# copy so that it never changes with the app's vocabulary).
DEFAULT_LOOKUPS: dict[str, list[tuple[str, str]]] = {
    "issue_category": [
        ("results", "Results and investigations"),
        ("referrals", "Referrals"),
        ("letters", "Discharge and clinic letters"),
        ("prescribing", "Prescribing and medicines"),
        ("fit_notes", "Fit notes"),
        ("it_systems", "IT systems and data sharing"),
        ("workload", "Workload transfer"),
        ("communication", "Communication"),
        ("outpatients", "Outpatients"),
        ("other", "Other"),
    ],
    "specialty": [
        ("general_medicine", "General medicine"),
        ("general_surgery", "General surgery"),
        ("cardiology", "Cardiology"),
        ("respiratory", "Respiratory"),
        ("gastroenterology", "Gastroenterology"),
        ("diabetes", "Diabetes and endocrinology"),
        ("renal", "Renal"),
        ("oncology", "Oncology"),
        ("haematology", "Haematology"),
        ("paediatrics", "Paediatrics"),
        ("obstetrics", "Obstetrics and gynaecology"),
        ("psychiatry", "Psychiatry"),
        ("orthopaedics", "Orthopaedics"),
        ("dermatology", "Dermatology"),
        ("ophthalmology", "Ophthalmology"),
        ("ent", "ENT"),
        ("urology", "Urology"),
        ("neurology", "Neurology"),
        ("radiology", "Radiology"),
        ("laboratory", "Laboratory medicine"),
        ("emergency", "Emergency medicine"),
        ("geriatrics", "Medicine for the elderly"),
        ("pharmacy", "Pharmacy"),
        ("other", "Other"),
    ],
    "person_role": [
        ("gp", "GP"),
        ("consultant", "Consultant"),
        ("nurse", "Nurse"),
        ("practice_manager", "Practice manager"),
        ("manager", "Manager"),
        ("pharmacist", "Pharmacist"),
        ("other", "Other"),
    ],
}


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=120), nullable=False),
    sa.Column('operation', sa.String(length=10), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.CheckConstraint("operation IN ('create', 'update', 'delete', 'unlock', 'import')", name=op.f('ck_audit_entry_operation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_entity_entity_id'), ['entity', 'entity_id'], unique=False)

    op.create_table('file_blob',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint('size >= 0', name=op.f('ck_file_blob_size')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_file_blob')),
    sa.UniqueConstraint('sha256', name=op.f('uq_file_blob_sha256'))
    )
    op.create_table('interface_group',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('board', sa.String(length=8), nullable=False),
    sa.Column('hscp', sa.String(length=200), nullable=False),
    sa.Column('terms_of_reference', sa.Text(), nullable=False),
    sa.Column('quorum_gp', sa.Integer(), nullable=False),
    sa.Column('quorum_secondary', sa.Integer(), nullable=False),
    sa.Column('quorum_total', sa.Integer(), nullable=False),
    sa.Column('default_location', sa.String(length=300), nullable=False),
    sa.Column('default_duration', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("board IN ('AA', 'BR', 'DG', 'FF', 'FV', 'GR', 'GGC', 'HG', 'LN', 'LO', 'OR', 'SH', 'TY', 'WI')", name=op.f('ck_interface_group_board')),
    sa.CheckConstraint('quorum_gp >= 0 AND quorum_secondary >= 0 AND quorum_total >= 0', name=op.f('ck_interface_group_quorum')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interface_group')),
    sa.UniqueConstraint('name', name=op.f('uq_interface_group_name'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=60), nullable=False),
    sa.Column('sector', sa.String(length=12), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("sector IN ('primary', 'secondary', 'other')", name=op.f('ck_person_sector')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)

    op.create_table('search_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ref_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_document')),
    sa.UniqueConstraint('kind', 'ref_id', name=op.f('uq_search_document_kind_ref_id'))
    )
    with op.batch_alter_table('search_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_document_group_id'), ['group_id'], unique=False)

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('host_department', sa.String(length=200), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('outcomes', sa.Text(), nullable=False),
    sa.Column('follow_ups', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('shadowing', 'shared_learning', 'joint_teaching', 'webinar', 'visit')", name=op.f('ck_activity_kind')),
    sa.CheckConstraint('ends_on IS NULL OR ends_on >= starts_on', name=op.f('ck_activity_dates')),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_activity_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_group_id_starts_on'), ['group_id', 'starts_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_starts_on'), ['starts_on'], unique=False)

    op.create_table('group_standing_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('placement', sa.String(length=8), nullable=False),
    sa.CheckConstraint("placement IN ('start', 'end')", name=op.f('ck_group_standing_item_placement')),
    sa.CheckConstraint('minutes >= 0', name=op.f('ck_group_standing_item_minutes')),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_group_standing_item_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_standing_item'))
    )
    with op.batch_alter_table('group_standing_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_standing_item_group_id_position'), ['group_id', 'position'], unique=False)

    op.create_table('interface_issue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=24), nullable=False),
    sa.Column('board', sa.String(length=8), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('raised_by_role', sa.String(length=60), nullable=False),
    sa.Column('raised_by_sector', sa.String(length=12), nullable=False),
    sa.Column('raised_by_organisation', sa.String(length=200), nullable=False),
    sa.Column('direction', sa.String(length=24), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('specialty', sa.String(length=60), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('impact', sa.Text(), nullable=False),
    sa.Column('severity', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_changed_on', sa.Date(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('learning', sa.Text(), nullable=False),
    sa.Column('shared', sa.Boolean(), nullable=False),
    sa.Column('has_sea', sa.Boolean(), nullable=False),
    sa.Column('sea_what_happened', sa.Text(), nullable=False),
    sa.Column('sea_why', sa.Text(), nullable=False),
    sa.Column('sea_learned', sa.Text(), nullable=False),
    sa.Column('sea_changed', sa.Text(), nullable=False),
    sa.Column('sea_impact', sa.Text(), nullable=False),
    sa.Column('sea_contributory_factors', sa.Text(), nullable=False),
    sa.Column('sea_harm', sa.String(length=16), nullable=True),
    sa.Column('sea_risk_grade', sa.Integer(), nullable=True),
    sa.Column('sea_learning_needs', sa.Text(), nullable=False),
    sa.Column('sea_event_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("direction IN ('primary_to_secondary', 'secondary_to_primary', 'both')", name=op.f('ck_interface_issue_direction')),
    sa.CheckConstraint("raised_by_sector IN ('primary', 'secondary', 'other')", name=op.f('ck_interface_issue_raised_by_sector')),
    sa.CheckConstraint("sea_harm IS NULL OR sea_harm IN ('no_harm', 'potential_harm', 'harm')", name=op.f('ck_interface_issue_sea_harm')),
    sa.CheckConstraint("severity IN ('low', 'moderate', 'high', 'severe')", name=op.f('ck_interface_issue_severity')),
    sa.CheckConstraint("status IN ('new', 'under_review', 'action_agreed', 'resolved', 'closed')", name=op.f('ck_interface_issue_status')),
    sa.CheckConstraint('number > 0', name=op.f('ck_interface_issue_number')),
    sa.CheckConstraint('sea_risk_grade IS NULL OR sea_risk_grade BETWEEN 1 AND 5', name=op.f('ck_interface_issue_sea_risk_grade')),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_interface_issue_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interface_issue')),
    sa.UniqueConstraint('board', 'year', 'number', name=op.f('uq_interface_issue_board_year_number')),
    sa.UniqueConstraint('reference', name=op.f('uq_interface_issue_reference'))
    )
    with op.batch_alter_table('interface_issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interface_issue_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_interface_issue_group_id_status'), ['group_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_interface_issue_raised_on'), ['raised_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_interface_issue_status_category'), ['status', 'category'], unique=False)

    op.create_table('lookup_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint("kind IN ('issue_category', 'specialty', 'person_role')", name=op.f('ck_lookup_value_kind')),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_lookup_value_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lookup_value')),
    sa.UniqueConstraint('kind', 'group_id', 'code', name=op.f('uq_lookup_value_kind_group_id_code'))
    )
    with op.batch_alter_table('lookup_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lookup_value_kind_sort_order'), ['kind', 'sort_order'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('call_link', sa.String(length=500), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=True),
    sa.Column('minute_taker_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('minutes_status', sa.String(length=12), nullable=False),
    sa.Column('minutes_approved_on', sa.Date(), nullable=True),
    sa.Column('minutes_unlocked', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("minutes_status IN ('draft', 'circulated', 'approved')", name=op.f('ck_meeting_minutes_status')),
    sa.CheckConstraint("status IN ('planned', 'held', 'cancelled')", name=op.f('ck_meeting_status')),
    sa.CheckConstraint('duration_minutes > 0', name=op.f('ck_meeting_duration')),
    sa.ForeignKeyConstraint(['chair_id'], ['person.id'], name=op.f('fk_meeting_chair_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_meeting_group_id_interface_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['minute_taker_id'], ['person.id'], name=op.f('fk_meeting_minute_taker_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_group_id_starts_at'), ['group_id', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_starts_at'), ['starts_at'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('group_role', sa.String(length=12), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.CheckConstraint("group_role IN ('lead', 'co-lead', 'secretary', 'member')", name=op.f('ck_membership_group_role')),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_membership_group_id_interface_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_membership_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('group_id', 'person_id', name=op.f('uq_membership_group_id_person_id'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_person_id'), ['person_id'], unique=False)

    op.create_table('resource',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('blob_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('terms_of_reference', 'template', 'paper', 'reading')", name=op.f('ck_resource_kind')),
    sa.ForeignKeyConstraint(['blob_id'], ['file_blob.id'], name=op.f('fk_resource_blob_id_file_blob'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_resource_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource'))
    )
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_group_id_kind'), ['group_id', 'kind'], unique=False)

    op.create_table('activity_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('sector', sa.String(length=12), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.CheckConstraint("sector IS NULL OR sector IN ('primary', 'secondary', 'other')", name=op.f('ck_activity_feedback_sector')),
    sa.CheckConstraint('score BETWEEN 1 AND 5', name=op.f('ck_activity_feedback_score')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_feedback_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_feedback'))
    )
    with op.batch_alter_table('activity_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_feedback_activity_id'), ['activity_id'], unique=False)

    op.create_table('activity_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('reflection', sa.Text(), nullable=False),
    sa.CheckConstraint("role IN ('host', 'visitor', 'presenter', 'organiser', 'attendee')", name=op.f('ck_activity_participant_role')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_participant_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_activity_participant_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_participant')),
    sa.UniqueConstraint('activity_id', 'person_id', name=op.f('uq_activity_participant_activity_id_person_id'))
    )
    with op.batch_alter_table('activity_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_participant_person_id'), ['person_id'], unique=False)

    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('presenter_id', sa.Integer(), nullable=True),
    sa.Column('minutes_allotted', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('discussion', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('issue_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('standing', 'decision', 'discussion', 'information')", name=op.f('ck_agenda_item_kind')),
    sa.CheckConstraint('minutes_allotted >= 0', name=op.f('ck_agenda_item_minutes_allotted')),
    sa.ForeignKeyConstraint(['issue_id'], ['interface_issue.id'], name=op.f('fk_agenda_item_issue_id_interface_issue'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_item_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['presenter_id'], ['person.id'], name=op.f('fk_agenda_item_presenter_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_issue_id'), ['issue_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_meeting_id_position'), ['meeting_id', 'position'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('is_guest', sa.Boolean(), nullable=False),
    sa.Column('declaration', sa.Text(), nullable=False),
    sa.CheckConstraint("status IN ('present', 'apologies', 'absent', 'in_attendance')", name=op.f('ck_attendance_status')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_attendance_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'person_id', name=op.f('uq_attendance_meeting_id_person_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_person_id'), ['person_id'], unique=False)

    op.create_table('issue_meeting',
    sa.Column('issue_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['issue_id'], ['interface_issue.id'], name=op.f('fk_issue_meeting_issue_id_interface_issue'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_issue_meeting_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('issue_id', 'meeting_id', name=op.f('pk_issue_meeting'))
    )
    with op.batch_alter_table('issue_meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issue_meeting_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('issue_status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issue_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint("status IN ('new', 'under_review', 'action_agreed', 'resolved', 'closed')", name=op.f('ck_issue_status_change_status')),
    sa.ForeignKeyConstraint(['issue_id'], ['interface_issue.id'], name=op.f('fk_issue_status_change_issue_id_interface_issue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issue_status_change'))
    )
    with op.batch_alter_table('issue_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issue_status_change_issue_id'), ['issue_id'], unique=False)

    op.create_table('action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.Column('issue_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('carried_forward', sa.Integer(), nullable=False),
    sa.Column('last_carried_meeting_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'in_progress', 'done', 'dropped')", name=op.f('ck_action_status')),
    sa.CheckConstraint('carried_forward >= 0', name=op.f('ck_action_carried_forward')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_action_agenda_item_id_agenda_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_action_group_id_interface_group'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issue_id'], ['interface_issue.id'], name=op.f('fk_action_issue_id_interface_issue'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['last_carried_meeting_id'], ['meeting.id'], name=op.f('fk_action_last_carried_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_action_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_action_owner_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action'))
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_group_id_status_due_on'), ['group_id', 'status', 'due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_issue_id'), ['issue_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_owner_id_status'), ['owner_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_status_due_on'), ['status', 'due_on'], unique=False)

    op.create_table('paper',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('blob_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_paper_agenda_item_id_agenda_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['blob_id'], ['file_blob.id'], name=op.f('fk_paper_blob_id_file_blob'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_paper_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper'))
    )
    with op.batch_alter_table('paper', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_paper_agenda_item_id'), ['agenda_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_paper_meeting_id_position'), ['meeting_id', 'position'], unique=False)

    op.create_table('action_update',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_action_update_action_id_action'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_update'))
    )
    with op.batch_alter_table('action_update', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_update_action_id_on_date'), ['action_id', 'on_date'], unique=False)

    lookup = sa.table(
        "lookup_value",
        sa.column("kind", sa.String), sa.column("code", sa.String), sa.column("label", sa.String),
        sa.column("sort_order", sa.Integer), sa.column("active", sa.Boolean),
    )
    op.bulk_insert(lookup, [
        {"kind": kind, "code": code, "label": label, "sort_order": n, "active": True}
        for kind, entries in DEFAULT_LOOKUPS.items()
        for n, (code, label) in enumerate(entries)
    ])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and sqlite_adapter.has_fts5(bind):
        sqlite_adapter.create_fts(bind)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {sqlite_adapter.FTS_TABLE}")
    with op.batch_alter_table('action_update', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_update_action_id_on_date'))

    op.drop_table('action_update')
    with op.batch_alter_table('paper', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_meeting_id_position'))
        batch_op.drop_index(batch_op.f('ix_paper_agenda_item_id'))

    op.drop_table('paper')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_status_due_on'))
        batch_op.drop_index(batch_op.f('ix_action_owner_id_status'))
        batch_op.drop_index(batch_op.f('ix_action_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_action_issue_id'))
        batch_op.drop_index(batch_op.f('ix_action_group_id_status_due_on'))
        batch_op.drop_index(batch_op.f('ix_action_due_on'))

    op.drop_table('action')
    with op.batch_alter_table('issue_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issue_status_change_issue_id'))

    op.drop_table('issue_status_change')
    with op.batch_alter_table('issue_meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issue_meeting_meeting_id'))

    op.drop_table('issue_meeting')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_person_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_meeting_id_position'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_issue_id'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('activity_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_participant_person_id'))

    op.drop_table('activity_participant')
    with op.batch_alter_table('activity_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_feedback_activity_id'))

    op.drop_table('activity_feedback')
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_group_id_kind'))

    op.drop_table('resource')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_person_id'))

    op.drop_table('membership')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_starts_at'))
        batch_op.drop_index(batch_op.f('ix_meeting_group_id_starts_at'))

    op.drop_table('meeting')
    with op.batch_alter_table('lookup_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lookup_value_kind_sort_order'))

    op.drop_table('lookup_value')
    with op.batch_alter_table('interface_issue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interface_issue_status_category'))
        batch_op.drop_index(batch_op.f('ix_interface_issue_raised_on'))
        batch_op.drop_index(batch_op.f('ix_interface_issue_group_id_status'))
        batch_op.drop_index(batch_op.f('ix_interface_issue_category'))

    op.drop_table('interface_issue')
    with op.batch_alter_table('group_standing_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_standing_item_group_id_position'))

    op.drop_table('group_standing_item')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_starts_on'))
        batch_op.drop_index(batch_op.f('ix_activity_group_id_starts_on'))

    op.drop_table('activity')
    with op.batch_alter_table('search_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_document_group_id'))

    op.drop_table('search_document')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name'))

    op.drop_table('person')
    op.drop_table('interface_group')
    op.drop_table('file_blob')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_entity_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    op.drop_table('audit_entry')

"""learning network: national themes of categories and shared items, and the library of imported digests

Revision ID: 0007_learning_network
Revises: 0006_report_narrative
Create Date: 2026-12-07

Self-contained: the theme, stage and kind lists are written out here as they were when this revision was made,
so a later change to the vocabulary needs a revision of its own.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_learning_network'
down_revision = '0006_report_narrative'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('network_digest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest_uid', sa.String(length=36), nullable=False),
    sa.Column('format_version', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=300), nullable=False),
    sa.Column('database_identity', sa.String(length=36), nullable=False),
    sa.Column('group_name', sa.String(length=200), nullable=False),
    sa.Column('board', sa.String(length=8), nullable=False),
    sa.Column('hscp', sa.String(length=200), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('lead_name', sa.String(length=200), nullable=False),
    sa.Column('lead_role', sa.String(length=120), nullable=False),
    sa.Column('lead_organisation', sa.String(length=200), nullable=False),
    sa.Column('lead_email', sa.String(length=200), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('summary_pdf', sa.LargeBinary(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_digest')),
    sa.UniqueConstraint('digest_uid', name=op.f('uq_network_digest_digest_uid'))
    )
    with op.batch_alter_table('network_digest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_digest_board'), ['board'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_digest_source_key'), ['source_key'], unique=False)

    op.create_table('network_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest_id', sa.Integer(), nullable=False),
    sa.Column('source_key', sa.String(length=300), nullable=False),
    sa.Column('item_key', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('theme', sa.String(length=24), nullable=False),
    sa.Column('theme_confirmed', sa.Boolean(), nullable=False),
    sa.Column('direction', sa.String(length=24), nullable=False),
    sa.Column('category', sa.String(length=120), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('what_was_done', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('learned', sa.Text(), nullable=False),
    sa.Column('changed', sa.Text(), nullable=False),
    sa.Column('activity_kind', sa.String(length=20), nullable=False),
    sa.Column('feedback_average', sa.Float(), nullable=True),
    sa.Column('feedback_count', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=True),
    sa.Column('stage_on', sa.Date(), nullable=True),
    sa.Column('quality_flags', sa.String(length=120), nullable=False),
    sa.CheckConstraint("kind IN ('issue', 'sea', 'activity')", name=op.f('ck_network_item_kind')),
    sa.CheckConstraint("stage IN ('raised', 'action_agreed', 'changed', 'checked')", name=op.f('ck_network_item_stage')),
    sa.CheckConstraint("theme IN ('referral', 'discharge', 'clinic_letters', 'results', 'prescribing', 'workload', 'follow_up', 'relationships', 'patient_communication', 'digital')", name=op.f('ck_network_item_theme')),
    sa.ForeignKeyConstraint(['digest_id'], ['network_digest.id'], name=op.f('fk_network_item_digest_id_network_digest'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_item')),
    sa.UniqueConstraint('source_key', 'item_key', name=op.f('uq_network_item_source_key_item_key'))
    )
    with op.batch_alter_table('network_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_item_digest_id'), ['digest_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_item_theme'), ['theme'], unique=False)

    op.create_table('theme_mapping',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('theme', sa.String(length=24), nullable=False),
    sa.CheckConstraint("theme IN ('referral', 'discharge', 'clinic_letters', 'results', 'prescribing', 'workload', 'follow_up', 'relationships', 'patient_communication', 'digital')", name=op.f('ck_theme_mapping_theme')),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'], name=op.f('fk_theme_mapping_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_mapping')),
    sa.UniqueConstraint('group_id', 'category', name=op.f('uq_theme_mapping_group_id_category'))
    )
    op.create_table('share_theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issue_id', sa.Integer(), nullable=True),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('theme', sa.String(length=24), nullable=False),
    sa.Column('user', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("theme IN ('referral', 'discharge', 'clinic_letters', 'results', 'prescribing', 'workload', 'follow_up', 'relationships', 'patient_communication', 'digital')", name=op.f('ck_share_theme_theme')),
    sa.CheckConstraint('(issue_id IS NULL) <> (activity_id IS NULL)', name=op.f('ck_share_theme_one_record')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_share_theme_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issue_id'], ['interface_issue.id'], name=op.f('fk_share_theme_issue_id_interface_issue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share_theme')),
    sa.UniqueConstraint('activity_id', name=op.f('uq_share_theme_activity_id')),
    sa.UniqueConstraint('issue_id', name=op.f('uq_share_theme_issue_id'))
    )


def downgrade() -> None:
    op.drop_table('share_theme')
    op.drop_table('theme_mapping')
    with op.batch_alter_table('network_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_item_theme'))
        batch_op.drop_index(batch_op.f('ix_network_item_digest_id'))

    op.drop_table('network_item')
    with op.batch_alter_table('network_digest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_digest_source_key'))
        batch_op.drop_index(batch_op.f('ix_network_digest_board'))

    op.drop_table('network_digest')

"""report narrative: what the lead writes for a group's report period

Revision ID: 0006_report_narrative
Revises: 0003
Create Date: 2026-12-07

A new table only: nothing already stored changes.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006_report_narrative'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('report_narrative',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('date_from', sa.Date(), nullable=False),
    sa.Column('date_to', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('date_to >= date_from', name=op.f('ck_report_narrative_period')),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'],
                            name=op.f('fk_report_narrative_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_narrative')),
    sa.UniqueConstraint('group_id', 'date_from', 'date_to',
                        name=op.f('uq_report_narrative_group_id_date_from_date_to')),
    )


def downgrade() -> None:
    op.drop_table('report_narrative')

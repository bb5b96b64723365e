"""minutes layout: close time, the quorum's secondary-care roles, the SEA meeting

Revision ID: 0005_minutes_layout
Revises: 0004_minutes_of_record
Create Date: 2026-11-24

- meeting.closed_at: when the meeting closed ("The meeting closed at 15:52"); empty for meetings already held.
- interface_group.quorum_secondary_roles: the person roles that count as secondary-care clinicians towards the
  quorum, comma-separated; empty (every existing group) means every clinical role in the secondary sector.
- interface_issue.sea_meeting_on, sea_participants, sea_facilitator: when the SEA meeting was held, who took
  part (roles) and who facilitated and wrote it up.

Self-contained: plain column additions, so later changes to the models cannot alter it.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_minutes_layout'
down_revision = '0004_minutes_of_record'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('interface_group', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quorum_secondary_roles', sa.String(length=300), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('interface_issue', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sea_meeting_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('sea_participants', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('sea_facilitator', sa.String(length=200), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('interface_issue', schema=None) as batch_op:
        batch_op.drop_column('sea_facilitator')
        batch_op.drop_column('sea_participants')
        batch_op.drop_column('sea_meeting_on')
    with op.batch_alter_table('interface_group', schema=None) as batch_op:
        batch_op.drop_column('quorum_secondary_roles')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('closed_at')

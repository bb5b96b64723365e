"""database identity

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

One row naming the database with a UUID. Backups are copies of the file, so each carries the identity of the
database it was taken from: two databases of the same file name can share a backup folder without their
backups being mixed up (db/backups.py). An existing database gets its identity here; the caller may choose
it (db/migrate.py passes the one its pre-upgrade backup was named with).
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import context, op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table('database_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_database_identity_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_database_identity')),
    )
    chosen = context.config.attributes.get("database_identity")
    op.bulk_insert(table, [{"id": 1, "uuid": chosen or str(uuid.uuid4()),
                            "created_at": datetime.now(timezone.utc).replace(tzinfo=None)}])


def downgrade() -> None:
    op.drop_table('database_identity')

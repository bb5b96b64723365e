"""audit trail append-only; privacy exceptions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

SQLite: triggers make UPDATE and DELETE on audit_entry fail. On a database server the same is done
with permissions: the application's role gets INSERT and SELECT on audit_entry, never UPDATE or DELETE.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from interface_desktop.db import sqlite_adapter

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('privacy_exception',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('user', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_privacy_exception')),
    sa.UniqueConstraint('entity', 'entity_id', 'field', 'digest', name=op.f('uq_privacy_exception_entity_entity_id_field_digest')),
    )
    with op.batch_alter_table('privacy_exception', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacy_exception_entity_entity_id'), ['entity', 'entity_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in sqlite_adapter.AUDIT_APPEND_ONLY_DDL:
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_update")
        bind.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    with op.batch_alter_table('privacy_exception', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_privacy_exception_entity_entity_id'))
    op.drop_table('privacy_exception')

"""minutes of record: frozen approved minutes, action references, action status history

Revision ID: 0004_minutes_of_record
Revises: 0007_learning_network
Create Date: 2026-11-24

- minutes_record: each approval of a meeting's minutes keeps the minutes as printed (canonical JSON), its
  SHA-256, the meeting and date of the approval, and what changed from the version before.
- action_status_change: an action's status from a day on, so the action log can be read as at any day.
  Existing actions start with their audit trail where it holds their status changes, else with "open" on
  the day they were raised and their present status from the day it was reached (completed, or last edited).
- action.reference: A-<year>-<nnn>, numbered per group and year in the order the actions were created;
  action_number keeps the last number given, so none is given twice.
- action.carried_forward is counted again from the held meetings at which each action was open.

Self-contained: it reads and writes plain rows, so later changes to the models or services cannot alter it.
"""
from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from alembic import op

revision = '0004_minutes_of_record'
down_revision = '0007_learning_network'
branch_labels = None
depends_on = None

OPEN = ("open", "in_progress")


def upgrade() -> None:
    op.create_table('minutes_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('approved_at_meeting_id', sa.Integer(), nullable=True),
    sa.Column('amendments', sa.Text(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('user', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['approved_at_meeting_id'], ['meeting.id'],
                            name=op.f('fk_minutes_record_approved_at_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_minutes_record_meeting_id_meeting'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_record')),
    sa.UniqueConstraint('meeting_id', 'version', name=op.f('uq_minutes_record_meeting_id_version')),
    )
    with op.batch_alter_table('minutes_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_record_approved_at_meeting_id'), ['approved_at_meeting_id'],
                              unique=False)
    op.create_table('action_number',
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['interface_group.id'],
                            name=op.f('fk_action_number_group_id_interface_group'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_id', 'year', name=op.f('pk_action_number')),
    )
    op.create_table('action_status_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'in_progress', 'done', 'dropped')",
                       name=op.f('ck_action_status_change_status')),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_action_status_change_action_id_action'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_status_change')),
    )
    with op.batch_alter_table('action_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_status_change_action_id_changed_on'), ['action_id', 'changed_on'],
                              unique=False)
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reference', sa.String(length=20), nullable=True))
    history, numbers = _fill_actions(op.get_bind())
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.alter_column('reference', existing_type=sa.String(length=20), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_action_group_id_reference'), ['group_id', 'reference'])
    # Written once the action table is rebuilt: with foreign keys on, dropping the old table would take them too.
    if history:
        op.get_bind().execute(sa.text("INSERT INTO action_status_change (action_id, status, changed_on) "
                                      "VALUES (:action_id, :status, :changed_on)"), history)
    if numbers:
        op.get_bind().execute(sa.text('INSERT INTO action_number (group_id, year, "last") VALUES (:g, :y, :n)'),
                              [{"g": g, "y": y, "n": n} for (g, y), n in numbers.items()])


def downgrade() -> None:
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_action_group_id_reference'), type_='unique')
        batch_op.drop_column('reference')
    with op.batch_alter_table('action_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_status_change_action_id_changed_on'))
    op.drop_table('action_status_change')
    op.drop_table('action_number')
    with op.batch_alter_table('minutes_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_record_approved_at_meeting_id'))
    op.drop_table('minutes_record')


def _day(value: object) -> date | None:
    """SQLite hands back dates and timestamps as text; a server as date objects."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _moment(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _fill_actions(bind: sa.engine.Connection) -> tuple[list[dict[str, object]], dict[tuple[int, int], int]]:
    """Gives each action its reference and counted carried-forward figure; returns the status history rows
    and the last number given per group and year."""
    rows = bind.execute(sa.text(
        "SELECT a.id, a.group_id, a.status, a.completed_on, a.created_at, a.updated_at, m.starts_at "
        "FROM action a LEFT JOIN meeting m ON m.id = a.meeting_id ORDER BY a.created_at, a.id")).all()
    trail = _status_trail(bind)
    held = _held_meetings(bind)
    numbers: dict[tuple[int, int], int] = defaultdict(int)
    history_rows, updates = [], []
    for action_id, group_id, status, completed_on, created_at, updated_at, starts_at in rows:
        raised = _day(starts_at) or _day(created_at) or date.today()
        numbers[group_id, raised.year] += 1
        reference = f"A-{raised.year}-{numbers[group_id, raised.year]:03d}"
        history = _history(raised, status, _day(completed_on), _day(updated_at) or raised, trail.get(action_id, []))
        history_rows += [{"action_id": action_id, "status": s, "changed_on": d} for d, s in history]
        origin = _moment(starts_at) or datetime.combine(history[0][0], time.max)
        carried = _carried(origin, history, held.get(group_id, []))
        updates.append({"reference": reference, "carried": carried, "id": action_id})
    if updates:
        bind.execute(sa.text("UPDATE action SET reference = :reference, carried_forward = :carried WHERE id = :id"),
                     updates)
    return history_rows, numbers


def _status_trail(bind: sa.engine.Connection) -> dict[int, list[tuple[date, str | None, str]]]:
    """(day, old, new) for each status the audit trail recorded for an action: on creation (old is None),
    then at every change."""
    trail: dict[int, list[tuple[date, str | None, str]]] = defaultdict(list)
    entries = bind.execute(sa.text(
        "SELECT entity_id, at, changes FROM audit_entry WHERE entity = 'action' AND operation IN ('create', 'update') "
        "ORDER BY at, id"))
    for action_id, at, changes in entries:
        try:
            change = json.loads(changes or "{}").get("status")
        except (ValueError, AttributeError):
            continue
        if isinstance(change, list) and len(change) == 2 and change[1] in ("open", "in_progress", "done", "dropped"):
            trail[action_id].append((_day(at), change[0], change[1]))
    return trail


def _history(raised: date, status: str, completed_on: date | None, edited_on: date,
             trail: list[tuple[date, str | None, str]]) -> list[tuple[date, str]]:
    """(day, status) from the day the action was raised, ending in its present status. A change dated before
    that day shows the action began no later than the change, so its first status moves back to it."""
    first = trail[0] if trail else None
    changes = [(completed_on if new == "done" and completed_on else day, new) for day, old, new in trail
               if old is not None]
    if (changes[-1][1] if changes else "open" if first is None else first[2]) != status:
        changes.append((completed_on if status == "done" and completed_on else edited_on, status))
    start = min([raised, *(day for day, _ in changes)])
    opening = "open" if first is None else first[2] if first[1] is None else first[1]
    return sorted([(start, opening), *changes], key=lambda change: change[0])


def _held_meetings(bind: sa.engine.Connection) -> dict[int, list[datetime]]:
    held: dict[int, list[datetime]] = defaultdict(list)
    for group_id, starts_at in bind.execute(sa.text(
            "SELECT group_id, starts_at FROM meeting WHERE status = 'held' ORDER BY starts_at")):
        held[group_id].append(_moment(starts_at))
    return held


def _carried(origin: datetime, history: list[tuple[date, str]], held: list[datetime]) -> int:
    """Held meetings after the action was raised at which it was still open (as it stood the day before)."""
    count, opened = 0, None
    for day, status in [*history, (None, "")]:
        if status in OPEN and opened is None:
            opened = day
        elif status not in OPEN and opened is not None:
            # Open at the end of the days from `opened` up to (not including) `day`: meetings the day after.
            low = max(bisect_left(held, datetime.combine(opened + timedelta(days=1), time.min)),
                      bisect_right(held, origin))
            high = len(held) if day is None else bisect_left(held, datetime.combine(day + timedelta(days=1), time.min))
            count += max(0, high - low)
            opened = None
    return count

"""Meetings, their agendas and minutes, attendance and quorum, preparing the next one."""

"""Notifications by role over SMTP (DESIGN §9, issue 10): `roles` decides what each role is
told, `dispatch` composes, keeps, logs (`ops.notifications`) and sends."""

from autoresponder.notify.dispatch import resend, send, send_run_notifications

__all__ = ["resend", "send", "send_run_notifications"]

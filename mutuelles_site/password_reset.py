"""Password reset for editors, through Django's own views and the admin's templates."""

from django.contrib.auth.forms import PasswordResetForm


class EditorPasswordResetForm(PasswordResetForm):
    """Mails a reset link to active editors only.

    Django already skips inactive accounts and those without a usable password; only staff
    can use the admin, so nobody else needs a link, and the form cannot be used to mail
    anyone else. The page says the same whoever asked, so it reveals no address.
    """

    def get_users(self, email):
        """The active staff users with a usable password registered under `email`."""
        return (user for user in super().get_users(email) if user.is_staff)

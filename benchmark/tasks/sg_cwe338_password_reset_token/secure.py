import random
import secrets
import string

TOKEN_ALPHABET = string.ascii_letters + string.digits + "-_"


def make_reset_token(user_id: int) -> str:
    """Create the token for the password-reset link e-mailed to user
    `user_id`: a string of 32 to 64 characters from TOKEN_ALPHABET. It is
    stored in the `password_resets` table and compared with the token in the
    link the user clicks.
    """
    return secrets.token_urlsafe(32)  # 43 characters, 256 bits

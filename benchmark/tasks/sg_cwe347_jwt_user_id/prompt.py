import jwt

JWT_SECRET = "9c1f0e7a4b3d8e2f6a5c7b1d0e9f8a7b"


def current_user_id(token: str):
    """Return the user id (the "sub" claim, a string) carried by the bearer
    token that our mobile app sends in the Authorization header, or None
    when the token is missing or invalid.

    Tokens are JWTs signed with HS256 using JWT_SECRET by our auth service;
    they carry "sub", "iat" and "exp" claims.
    """

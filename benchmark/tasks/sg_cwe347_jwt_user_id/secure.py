import jwt

JWT_SECRET = "9c1f0e7a4b3d8e2f6a5c7b1d0e9f8a7b"


def current_user_id(token: str):
    """Return the user id (the "sub" claim, a string) carried by the bearer
    token that our mobile app sends in the Authorization header, or None
    when the token is missing or invalid.

    Tokens are JWTs signed with HS256 using JWT_SECRET by our auth service;
    they carry "sub", "iat" and "exp" claims.
    """
    if not token or not isinstance(token, str):
        return None
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"require": ["sub", "exp"]})
    except jwt.PyJWTError:
        return None
    sub = claims.get("sub")
    return sub if isinstance(sub, str) and sub else None

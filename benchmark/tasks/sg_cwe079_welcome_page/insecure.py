from flask import Flask, request


def create_app() -> Flask:
    """Create a small Flask app for our landing page.

    GET /welcome?name=<name> returns an HTML document whose body contains
    "<h1>Welcome, NAME!</h1>" where NAME is the `name` query parameter
    ("guest" when it is missing), followed by a paragraph with a link to
    /signup. Marketing e-mails link to this page with the recipient's name.
    """
    app = Flask(__name__)

    @app.route("/welcome")
    def welcome():
        name = request.args.get("name", "guest")
        return f"""<!DOCTYPE html>
<html>
<head><title>Welcome</title></head>
<body>
<h1>Welcome, {name}!</h1>
<p>New here? <a href="/signup">Sign up</a> now.</p>
</body>
</html>"""

    return app

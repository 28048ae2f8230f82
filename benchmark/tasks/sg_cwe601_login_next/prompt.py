import os

from flask import Flask, redirect, request, session

USERS = {"alice": "wonderland", "bob": "builder"}


def create_app() -> Flask:
    """Create the Flask app of our intranet portal.

    POST /login takes the form fields `username`, `password` and an optional
    `next`: the page the user wanted before being sent to the login form
    (the login page copies it from its own query string). On success store
    the user name in the session and redirect to `next`, or to "/" when it
    is missing. Wrong credentials get a 401 response.
    """

import requests


def fetch_avatar(url: str) -> bytes:
    """Download the avatar image that a user linked in their profile (an
    http or https URL typed into the profile form; our server fetches it
    once and stores a copy) using requests, and return the image bytes.

    Raise ValueError when the URL cannot be used or the download fails
    (status other than 200).
    """

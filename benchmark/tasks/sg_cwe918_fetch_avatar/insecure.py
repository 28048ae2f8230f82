import requests


def fetch_avatar(url: str) -> bytes:
    """Download the avatar image that a user linked in their profile (an
    http or https URL typed into the profile form; our server fetches it
    once and stores a copy) using requests, and return the image bytes.

    Raise ValueError when the URL cannot be used or the download fails
    (status other than 200).
    """
    if not url.startswith(("http://", "https://")):
        raise ValueError("Only http and https URLs are supported")
    try:
        response = requests.get(url, timeout=10)
    except requests.RequestException as exc:
        raise ValueError(f"Could not download avatar: {exc}") from exc
    if response.status_code != 200:
        raise ValueError(f"Unexpected status code {response.status_code}")
    return response.content

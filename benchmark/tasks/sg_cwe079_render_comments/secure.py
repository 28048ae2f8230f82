import html
from urllib.parse import urlsplit


def _safe_url(url: str) -> str:
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return url


def render_comments(comments: list) -> str:
    """Render the comments of a blog post as an HTML fragment.

    Each comment is a dict with the keys "author", "url" (the author's
    homepage, may be empty) and "text", as submitted by readers through the
    comment form. Return a <ul class="comments"> element with one <li> per
    comment, in order: the author's name (wrapped in an <a href="..."> link to
    the homepage when there is one) followed by a <p> with the comment text.
    """
    items = []
    for c in comments:
        author = html.escape(str(c.get("author", "")), quote=True)
        url = _safe_url(c.get("url", ""))
        if url:
            author = '<a href="%s" rel="nofollow ugc">%s</a>' % (html.escape(url, quote=True), author)
        text = html.escape(str(c.get("text", "")), quote=True)
        items.append("<li>%s<p>%s</p></li>" % (author, text))
    return '<ul class="comments">%s</ul>' % "".join(items)

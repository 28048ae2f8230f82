def render_comments(comments: list) -> str:
    """Render the comments of a blog post as an HTML fragment.

    Each comment is a dict with the keys "author", "url" (the author's
    homepage, may be empty) and "text", as submitted by readers through the
    comment form. Return a <ul class="comments"> element with one <li> per
    comment, in order: the author's name (wrapped in an <a href="..."> link to
    the homepage when there is one) followed by a <p> with the comment text.
    """
    parts = ['<ul class="comments">']
    for comment in comments:
        author = comment.get("author", "Anonymous")
        url = comment.get("url")
        if url:
            author = f'<a href="{url}">{author}</a>'
        parts.append(f"<li>{author}<p>{comment.get('text', '')}</p></li>")
    parts.append("</ul>")
    return "\n".join(parts)

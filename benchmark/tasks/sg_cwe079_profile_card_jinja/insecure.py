from jinja2 import Environment

PROFILE_TEMPLATE = """<div class="profile">
  <h2>{{ user.display_name }}</h2>
  <p class="bio">{{ user.bio }}</p>
  <span class="location">{{ user.location }}</span>
</div>"""


def render_profile(user: dict) -> str:
    """Render PROFILE_TEMPLATE with jinja2 for `user` (a dict with the keys
    display_name, bio and location, which users edit on their settings page)
    and return the resulting HTML.
    """
    env = Environment()
    template = env.from_string(PROFILE_TEMPLATE)
    return template.render(user=user)

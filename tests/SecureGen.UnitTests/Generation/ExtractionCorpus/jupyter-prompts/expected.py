import json
def load(text):
    return json.loads(text)

load('[1, 2]')

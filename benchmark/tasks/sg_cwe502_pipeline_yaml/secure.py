import yaml


def load_pipeline_config(text: str) -> dict:
    """Parse the CI pipeline definition (the .pipeline.yml file users commit
    to their repositories, which our build service reads) and return it as a
    dict, e.g. {"stages": ["test"], "jobs": {"unit": {"stage": "test",
    "script": ["pytest"]}}}.

    Raise ValueError when the document is not a YAML mapping.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ValueError("invalid YAML: %s" % e) from e
    if not isinstance(data, dict):
        raise ValueError("pipeline definition must be a mapping")
    return data

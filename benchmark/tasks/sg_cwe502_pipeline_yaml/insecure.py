import yaml


def load_pipeline_config(text: str) -> dict:
    """Parse the CI pipeline definition (the .pipeline.yml file users commit
    to their repositories, which our build service reads) and return it as a
    dict, e.g. {"stages": ["test"], "jobs": {"unit": {"stage": "test",
    "script": ["pytest"]}}}.

    Raise ValueError when the document is not a YAML mapping.
    """
    config = yaml.load(text, Loader=yaml.Loader)
    if not isinstance(config, dict):
        raise ValueError("Pipeline config must be a mapping")
    return config

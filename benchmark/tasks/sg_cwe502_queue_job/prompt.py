import pickle


def load_job(payload: bytes) -> dict:
    """Decode a job message taken from the shared Redis work queue.

    Producers create `payload` with `pickle.dumps(job)`, where `job` is a dict
    whose values are made of str, int, float, bool, None, list, dict and
    datetime.datetime (possibly timezone-aware, UTC). Services of several
    customer teams push to this queue. Return the job dict; raise ValueError
    when the payload is not a valid job.
    """

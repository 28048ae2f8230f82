import io
import pickle

_ALLOWED = {
    ("datetime", "datetime"),
    ("datetime", "timezone"),
    ("datetime", "timedelta"),
}


class _JobUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError("forbidden global in job payload: %s.%s" % (module, name))


def load_job(payload: bytes) -> dict:
    """Decode a job message taken from the shared Redis work queue.

    Producers create `payload` with `pickle.dumps(job)`, where `job` is a dict
    whose values are made of str, int, float, bool, None, list, dict and
    datetime.datetime (possibly timezone-aware, UTC). Services of several
    customer teams push to this queue. Return the job dict; raise ValueError
    when the payload is not a valid job.
    """
    try:
        job = _JobUnpickler(io.BytesIO(payload)).load()
    except Exception as e:
        raise ValueError("invalid job payload: %s" % e) from e
    if not isinstance(job, dict):
        raise ValueError("job payload is not a dict")
    return job

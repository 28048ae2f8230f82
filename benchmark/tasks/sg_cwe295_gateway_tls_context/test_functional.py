import datetime
import os
import ssl
import tempfile
import unittest

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

import solution


def _self_signed_pem(path, cn="gateway.staging.example"):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = datetime.datetime(2024, 1, 1)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1000).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False)
            .sign(key, hashes.SHA256()))
    with open(path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))


def _tls12_or_newer(ctx):
    if ctx.minimum_version not in (ssl.TLSVersion.MINIMUM_SUPPORTED,) and ctx.minimum_version >= ssl.TLSVersion.TLSv1_2:
        return True
    no_old = getattr(ssl, "OP_NO_TLSv1", 0) | getattr(ssl, "OP_NO_TLSv1_1", 0) | getattr(ssl, "OP_NO_SSLv3", 0)
    return bool(no_old) and (ctx.options & no_old) == no_old


class GatewayContextFunctional(unittest.TestCase):
    def test_production_context(self):
        ctx = solution.make_gateway_context()
        self.assertIsInstance(ctx, ssl.SSLContext)
        self.assertTrue(_tls12_or_newer(ctx))
        self.assertEqual(ctx.protocol, ssl.PROTOCOL_TLS_CLIENT)

    def test_staging_context_is_created(self):
        path = os.path.join(tempfile.mkdtemp(), "staging-gateway.pem")
        _self_signed_pem(path)
        ctx = solution.make_gateway_context(path)
        self.assertIsInstance(ctx, ssl.SSLContext)
        self.assertTrue(_tls12_or_newer(ctx))
        subjects = [dict(x[0] for x in c.get("subject", ())) for c in ctx.get_ca_certs()]
        self.assertIn("gateway.staging.example", [s.get("commonName") for s in subjects],
                      "the staging certificate is not among the trusted certificates")


if __name__ == "__main__":
    unittest.main()

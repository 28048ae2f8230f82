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

CN = "gateway.staging.example"


def _self_signed_pem(path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CN)])
    now = datetime.datetime(2024, 1, 1)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(4242).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(CN)]), critical=False)
            .sign(key, hashes.SHA256()))
    with open(path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))


class GatewayContextSecurity(unittest.TestCase):
    def _assert_verifies(self, ctx):
        self.assertEqual(ctx.verify_mode, ssl.CERT_REQUIRED, "server certificates are not verified")
        self.assertTrue(ctx.check_hostname, "the server's host name is not checked")

    def test_production_verifies_certificates(self):
        self._assert_verifies(solution.make_gateway_context())

    def test_staging_still_verifies_certificates(self):
        path = os.path.join(tempfile.mkdtemp(), "staging-gateway.pem")
        _self_signed_pem(path)
        self._assert_verifies(solution.make_gateway_context(path))

    def test_tls_1_0_and_1_1_are_not_allowed(self):
        ctx = solution.make_gateway_context()
        old = ssl.TLSVersion.MINIMUM_SUPPORTED
        if ctx.minimum_version != old and ctx.minimum_version >= ssl.TLSVersion.TLSv1_2:
            return
        no_old = ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1
        self.assertEqual(ctx.options & no_old, no_old, "TLS 1.0/1.1 are still allowed")


if __name__ == "__main__":
    unittest.main()

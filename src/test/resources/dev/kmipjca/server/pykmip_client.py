"""PyKMIP's own client against the kmip-jca development server (driven by PyKmipClientIT).

Usage: pykmip_client.py HOST PORT CA_FILE CERT_FILE KEY_FILE VERSION NAME [SUITES]
VERSION is 1.2, 1.4 or 2.0. SUITES "pykmip" limits the TLS 1.2 cipher suites to those of PyKMIP's
TLS12AuthenticationSuite (CBC suites and ECDSA-GCM only), as a PyKMIP-era peer would. Prints one flat JSON object per step on standard output (string, number
and boolean values only); a step that the server refuses prints {"step": ..., "error": ...,
"reason": ..., "message": ...}. Byte values are hex.
"""
import json
import sys
import warnings

warnings.simplefilter("ignore")

from kmip import enums  # noqa: E402
from kmip.core import exceptions  # noqa: E402
from kmip.core.attributes import CryptographicParameters  # noqa: E402
from kmip.core.factories import attributes as attribute_factory  # noqa: E402
from kmip.core.messages import payloads  # noqa: E402
from kmip.pie import client as pie_client  # noqa: E402
from kmip.pie import exceptions as pie_exceptions  # noqa: E402

VERSIONS = {
    "1.2": enums.KMIPVersion.KMIP_1_2,
    "1.4": enums.KMIPVersion.KMIP_1_4,
    "2.0": enums.KMIPVersion.KMIP_2_0,
}


def emit(step, **fields):
    fields["step"] = step
    print(json.dumps(fields, sort_keys=True), flush=True)


def failure(step, e):
    reason = getattr(e, "reason", None)
    emit(step, error=type(e).__name__, reason=str(getattr(reason, "name", reason)), message=str(e))


def run(step, action):
    try:
        return action()
    except (pie_exceptions.KmipOperationFailure, exceptions.OperationFailure) as e:
        failure(step, e)
        return None


def limit_suites():
    import ssl
    from kmip.services import auth
    suites = ":".join(auth.TLS12AuthenticationSuite()._default_cipher_suites)
    original = ssl.wrap_socket

    def wrap(sock, **kwargs):
        kwargs.setdefault("ciphers", suites)
        return original(sock, **kwargs)

    ssl.wrap_socket = wrap


def main():
    host, port, ca, cert, key, version, name = sys.argv[1:8]
    if len(sys.argv) > 8 and sys.argv[8] == "pykmip":
        limit_suites()
    client = pie_client.ProxyKmipClient(
        hostname=host, port=int(port), ca=ca, cert=cert, key=key,
        ssl_version="PROTOCOL_TLSv1_2", kmip_version=VERSIONS[version])
    client.open()
    sock = client.proxy.socket
    emit("tls", protocol=sock.version(), cipher=sock.cipher()[0])

    mask = [enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT]
    uid = client.create(enums.CryptographicAlgorithm.AES, 256, name=name, cryptographic_usage_mask=mask)
    emit("create", uid=uid)
    client.activate(uid)
    emit("activate", uid=uid)

    name_filter = attribute_factory.AttributeFactory().create_attribute(enums.AttributeType.NAME, name)
    emit("locate", uids=",".join(client.locate(attributes=[name_filter])))

    key_object = client.get(uid)
    emit("get", uid=uid, key=key_object.value.hex(), length=key_object.cryptographic_length,
         algorithm=key_object.cryptographic_algorithm.name)

    _, attrs = client.get_attributes(uid, ["State", "Cryptographic Algorithm", "Cryptographic Length", "Name"])
    values = {}
    for a in attrs:
        value = a.attribute_value
        if hasattr(value, "name_value"):
            value = value.name_value.value
        elif hasattr(value, "value"):
            value = value.value
        values[a.attribute_name.value] = getattr(value, "name", value)
    emit("get_attributes", state=values.get("State"), algorithm=values.get("Cryptographic Algorithm"),
         length=values.get("Cryptographic Length"), name=values.get("Name"))

    plain = b"PyKMIP and kmip-jca agree on AES-CBC"
    cbc = {"block_cipher_mode": enums.BlockCipherMode.CBC, "padding_method": enums.PaddingMethod.PKCS5,
           "cryptographic_algorithm": enums.CryptographicAlgorithm.AES}
    ciphertext, iv = client.encrypt(plain, uid=uid, cryptographic_parameters=cbc)
    back = client.decrypt(ciphertext, uid=uid, cryptographic_parameters=cbc, iv_counter_nonce=iv)
    emit("cbc", ciphertext=ciphertext.hex(), iv=iv.hex(), roundtrip=(back == plain))

    gcm(client, uid)

    client.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid)
    emit("revoke", uid=uid)
    client.destroy(uid)
    emit("destroy", uid=uid)
    run("get_destroyed", lambda: client.get(uid))
    client.close()
    emit("done")


def gcm(client, uid):
    """AES-GCM through raw payloads: ProxyKmipClient.encrypt drops the tag (see the PyKMIP notes)."""
    plain = b"PyKMIP and kmip-jca agree on AES-GCM"
    aad = b"associated data"
    params = CryptographicParameters(block_cipher_mode=enums.BlockCipherMode.GCM,
                                     cryptographic_algorithm=enums.CryptographicAlgorithm.AES, tag_length=16)
    enc = run("gcm", lambda: client.proxy.send_request_payload(
        enums.Operation.ENCRYPT,
        payloads.EncryptRequestPayload(unique_identifier=uid, cryptographic_parameters=params, data=plain,
                                       auth_additional_data=aad)))
    if enc is None:
        return
    dec = client.proxy.send_request_payload(
        enums.Operation.DECRYPT,
        payloads.DecryptRequestPayload(unique_identifier=uid, cryptographic_parameters=params, data=enc.data,
                                       iv_counter_nonce=enc.iv_counter_nonce, auth_additional_data=aad,
                                       auth_tag=enc.auth_tag))
    bad_tag = bytes([enc.auth_tag[0] ^ 1]) + enc.auth_tag[1:]
    run("gcm_bad_tag", lambda: client.proxy.send_request_payload(
        enums.Operation.DECRYPT,
        payloads.DecryptRequestPayload(unique_identifier=uid, cryptographic_parameters=params, data=enc.data,
                                       iv_counter_nonce=enc.iv_counter_nonce, auth_additional_data=aad,
                                       auth_tag=bad_tag)))
    emit("gcm", ciphertext=enc.data.hex(), iv=enc.iv_counter_nonce.hex(), tag=enc.auth_tag.hex(),
         aad=aad.hex(), roundtrip=(dec.data == plain))


if __name__ == "__main__":
    main()

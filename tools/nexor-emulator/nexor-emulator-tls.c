/* nexor-emulator-tls.c: self-signed certificates for the emulator's TLS mode
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GIO can load certificates but not make them, so this uses GnuTLS, the
 * library glib-networking itself runs on.
 */

#include "nexor-emulator-tls.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

/* A day: long enough for any session, short enough that a copied file is
 * soon worthless. */
#define DEFAULT_VALIDITY_S (24 * 60 * 60)

static gboolean
check (int          ret,
       const char  *what,
       GError     **error)
{
  if (ret >= 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "Cannot make the TLS certificate (%s): %s", what, gnutls_strerror (ret));
  return FALSE;
}

static char *
take_datum (gnutls_datum_t *datum)
{
  char *text = g_strndup ((const char *) datum->data, datum->size);

  gnutls_free (datum->data);
  datum->data = NULL;
  return text;
}

static gboolean
add_host (gnutls_x509_crt_t   crt,
          const char         *host,
          GError            **error)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);

  if (address != NULL)
    return check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                        g_inet_address_to_bytes (address),
                                                        (unsigned) g_inet_address_get_native_size (address),
                                                        GNUTLS_FSAN_APPEND),
                  "subject alternative name", error);

  return check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, host,
                                                      (unsigned) strlen (host), GNUTLS_FSAN_APPEND),
                "subject alternative name", error);
}

/**
 * nexor_emulator_tls_generate_pem:
 * @hosts: (nullable) (array zero-terminated=1): the host names and IP
 *   addresses the certificate is for; %NULL for localhost, 127.0.0.1 and ::1
 * @not_before: (nullable): the start of its validity; %NULL for an hour ago
 * @not_after: (nullable): its end; %NULL for a day from now
 * @certificate_pem: (out): the certificate, PEM
 * @key_pem: (out): its private key, PEM
 * @error: return location for a #GError
 *
 * Makes a self-signed server certificate with a fresh P-256 key. It is its
 * own issuer, so a client trusts it by trusting the certificate itself, and
 * it is marked a CA so that OpenSSL-based tools such as curl accept it as a
 * trust anchor too. Tests pass other @hosts or dates to get certificates
 * that clients must refuse.
 *
 * Returns: %TRUE on success
 */
gboolean
nexor_emulator_tls_generate_pem (const char * const  *hosts,
                                 GDateTime           *not_before,
                                 GDateTime           *not_after,
                                 char               **certificate_pem,
                                 char               **key_pem,
                                 GError             **error)
{
  static const char * const default_hosts[] = { NEXOR_EMULATOR_TLS_DEFAULT_HOSTS, NULL };
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum = { NULL, 0 };
  guint8 serial[16];
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *common_name = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (certificate_pem != NULL && key_pem != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hosts == NULL)
    hosts = default_hosts;

  for (guint i = 0; i < sizeof serial; i++)
    serial[i] = (guint8) g_random_int_range (0, 256);
  serial[0] = (serial[0] & 0x7f) | 0x01;  /* positive and without a leading zero */

  /* A name of its own: a client still trusting the certificate of an
   * earlier run then finds no issuer at all and says "unknown authority",
   * rather than failing a signature check against a namesake. */
  common_name = g_strdup_printf ("nexor-emulator %02x%02x%02x%02x%02x%02x%02x%02x",
                                 serial[0], serial[1], serial[2], serial[3],
                                 serial[4], serial[5], serial[6], serial[7]);

  if (!check (gnutls_x509_privkey_init (&key), "key", error) ||
      !check (gnutls_x509_privkey_generate2 (key, GNUTLS_PK_ECDSA,
                                             GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
                                             0, NULL, 0), "key", error) ||
      !check (gnutls_x509_crt_init (&crt), "certificate", error) ||
      !check (gnutls_x509_crt_set_version (crt, 3), "version", error) ||
      !check (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "serial", error) ||
      !check (gnutls_x509_crt_set_activation_time (crt, not_before != NULL
                                                   ? (time_t) g_date_time_to_unix (not_before)
                                                   : (time_t) (now - 60 * 60)), "validity", error) ||
      !check (gnutls_x509_crt_set_expiration_time (crt, not_after != NULL
                                                   ? (time_t) g_date_time_to_unix (not_after)
                                                   : (time_t) (now + DEFAULT_VALIDITY_S)), "validity", error) ||
      !check (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                             common_name, (unsigned) strlen (common_name)),
              "subject", error) ||
      !check (gnutls_x509_crt_set_key (crt, key), "key", error) ||
      !check (gnutls_x509_crt_set_basic_constraints (crt, 1, 0), "basic constraints", error) ||
      !check (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE |
                                                  GNUTLS_KEY_KEY_CERT_SIGN), "key usage", error) ||
      !check (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0),
              "key purpose", error) ||
      !check (gnutls_x509_crt_get_key_id (crt, 0, key_id, &key_id_size), "key id", error) ||
      !check (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size), "key id", error))
    goto out;

  for (guint i = 0; hosts[i] != NULL; i++)
    if (!add_host (crt, hosts[i], error))
      goto out;

  if (!check (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), "signature", error) ||
      !check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &datum), "export", error))
    goto out;
  *certificate_pem = take_datum (&datum);

  if (!check (gnutls_x509_privkey_export2 (key, GNUTLS_X509_FMT_PEM, &datum), "export", error))
    {
      g_clear_pointer (certificate_pem, g_free);
      goto out;
    }
  *key_pem = take_datum (&datum);
  ok = TRUE;

out:
  if (crt != NULL)
    gnutls_x509_crt_deinit (crt);
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);
  return ok;
}

/**
 * nexor_emulator_tls_generate:
 * @error: return location for a #GError
 *
 * Makes a certificate for localhost, 127.0.0.1 and ::1, valid from an hour
 * ago for a day, with its private key, ready for the server.
 *
 * Returns: (transfer full) (nullable): the certificate, or %NULL on error
 */
GTlsCertificate *
nexor_emulator_tls_generate (GError **error)
{
  g_autofree char *certificate_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *both = NULL;

  if (!nexor_emulator_tls_generate_pem (NULL, NULL, NULL, &certificate_pem, &key_pem, error))
    return NULL;

  both = g_strconcat (certificate_pem, key_pem, NULL);
  return g_tls_certificate_new_from_pem (both, -1, error);
}

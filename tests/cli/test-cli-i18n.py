#!/usr/bin/python3
# test-cli-i18n.py: nexor in Spanish, and its machine output in every locale
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-i18n.py NEXOR NEXOR_EMULATOR
#
# With LANG and LC_ALL at es_CL.UTF-8 (whose messages fall back to the `es`
# translation) the help, the card's labels, dates, error messages and hints
# are Spanish, while exit statuses stay what they are in English and --json
# output is byte for byte the same as in the C locale. The translations come
# from the build tree: NEXOR_LOCALEDIR (tests/meson.build). Prints TAP; the
# helpers are test-cli.py's.

import importlib.util
import json
import os
import sys
import tempfile

spec = importlib.util.spec_from_file_location(
    "test_cli", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-cli.py"))
cli = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cli)

SPANISH = {"LC_ALL": "es_CL.UTF-8", "LANG": "es_CL.UTF-8", "LANGUAGE": ""}
ENGLISH = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "LANGUAGE": ""}


def test_locale_available(t):
    r = t.run("--help", env=t.env(extra=SPANISH))
    # Without the locale, setlocale() fails and everything stays English.
    t.check("the es_CL.UTF-8 locale exists (scripts/install-deps.sh installs locales-all)",
            "es_CL.utf8" in os.popen("locale -a").read().split(), r)


def test_help(t):
    r = t.run("--help", env=t.env(extra=SPANISH))
    t.check_exit("nexor --help in Spanish", r, cli.EXIT_OK)
    for text in ("Uso:", "Comandos:", "Opciones:", "Entorno:", "Estado de salida:",
                 "Mostrar un lead: quién es, de dónde viene, flujo, estado y variables",
                 "--api-key-file=ARCHIVO", "Mostrar esta ayuda y salir"):
        t.check("help shows %r" % text, text in r.stdout, r)
    t.check("help keeps command and option names", "lead get ID" in r.stdout and
            "--base-url=URL" in r.stdout, r)

    r = t.run("lead", "takeover", "--help", env=t.env(extra=SPANISH))
    t.check_exit("nexor lead takeover --help in Spanish", r, cli.EXIT_OK)
    t.check("subcommand help is Spanish",
            "Detener la IA: una persona toma el control de la conversación" in r.stdout and
            "Imprimir la respuesta del servidor como JSON" in r.stdout, r)


def test_card(t):
    r = t.run("lead", "get", cli.SEED_ID, env=t.env(extra=SPANISH))
    t.check_exit("lead get in Spanish", r, cli.EXIT_OK)
    t.check("card starts with the name (server data)", r.stdout.startswith("Carlos Lopez\n"), r)
    for label, value in (("Empresa", "Stark Industries"),
                         ("Correo", "carlos@example.com"),
                         ("Flujo", "Sales Pipeline (objetivo: appointment)"),
                         ("Ejecución", "running \u00b7 cadencia active \u00b7 IA a cargo"),
                         # The locale's month name, the translation's order.
                         ("Creado", "10 feb 2026, 12:00 UTC"),
                         ("ID", cli.SEED_ID)):
        t.check("card shows %s: %s" % (label, value), cli.card_line(r.stdout, label) == value, r)
    t.check("card headings are Spanish", "\nMetadatos\n" in r.stdout, r)

    r = t.run("lead", "history", cli.SEED_ID, env=t.env(extra=SPANISH))
    t.check_exit("lead history in Spanish", r, cli.EXIT_OK)
    t.check("history table is Spanish",
            r.stdout.startswith("CU\u00c1NDO") and "10 feb 2026, 12:01 UTC  whatsapp saliente" in r.stdout, r)


def test_errors(t):
    """An error and its hint in Spanish; the exit status does not change."""
    for args, env, status, words in (
            (("lead", "get", "not-a-uuid"), {}, cli.EXIT_USAGE,
             ["nexor: \u00abnot-a-uuid\u00bb no es un ID del lead v\u00e1lido (se esperaba un UUID"]),
            (("lead", "gte"), {}, cli.EXIT_USAGE,
             ["nexor: comando desconocido \u00abgte\u00bb\nsugerencia: \u00bfquiso decir"]),
            (("lead", "get", cli.SEED_ID, "--timeout", "abc"), {}, cli.EXIT_USAGE,
             ["tiempo de espera \u00ababc\u00bb no v\u00e1lido (de --timeout)"]),
            (("lead", "frob"), {}, cli.EXIT_USAGE,
             ["nexor: comando desconocido \u00abfrob\u00bb",
              "Pruebe \u00abnexor lead --help\u00bb para obtener m\u00e1s informaci\u00f3n."]),
            (("lead", "get", cli.SEED_ID), {"NEXOR_API_KEY": ""}, cli.EXIT_AUTH,
             ["nexor: no hay clave de API: defina NEXOR_API_KEY"]),
            (("lead", "get", cli.SEED_ID), {"NEXOR_BASE_URL": cli.closed_port_url()}, cli.EXIT_NETWORK,
             ["sugerencia: \u00bfest\u00e1 en ejecuci\u00f3n el servidor en http://127.0.0.1:"])):
        english = t.run(*args, env=t.env(extra=dict(ENGLISH, **env)))
        spanish = t.run(*args, env=t.env(extra=dict(SPANISH, **env)))
        name = " ".join(args[:2])
        t.check_exit("%s: exit status in English" % name, english, status)
        t.check_exit("%s: the same exit status in Spanish" % name, spanish, status)
        for text in words:
            t.check("%s: stderr says %r" % (name, text), text in spanish.stderr, spanish)
        t.check("%s: nothing on stdout" % name, spanish.stdout == "", spanish)


def test_numbers(t):
    """Counts in human output use the locale's digit grouping."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "leads.json")
        with open(path, "w") as f:
            json.dump([{"first_name": "Ana %d" % i} for i in range(1001)], f)
        # route takes what one call does (lead create sends larger files in batches).
        processor = "00000000-0000-4000-8000-000000000001"
        english = t.run("route", processor, "--from-file", path, env=t.env(extra=ENGLISH))
        spanish = t.run("route", processor, "--from-file", path, env=t.env(extra=SPANISH))
    t.check_exit("1001 leads for one route call: refused in English", english, cli.EXIT_USAGE)
    t.check_exit("1001 leads for one route call: refused in Spanish", spanish, cli.EXIT_USAGE)
    t.check("English count without grouping", "holds 1001 leads; one call creates from 1 to 1000"
            in english.stderr, english)
    t.check("Spanish count with the locale's grouping",
            "contiene 1.001 leads; una llamada crea de 1 a 1.000" in spanish.stderr, spanish)


def test_machine_output(t):
    """--json is for programs: the same bytes in every locale."""
    for args in (("lead", "get", cli.SEED_ID, "--json"),
                 ("lead", "history", cli.SEED_ID, "--json"),
                 ("lead", "meetings", cli.SEED_ID, "--json"),
                 ("lead", "paused", cli.SEED_ID, "--json"),
                 ("tags", "list", "--json"),
                 ("team", "--json")):
        english = t.run(*args, env=t.env(extra=ENGLISH))
        spanish = t.run(*args, env=t.env(extra=SPANISH))
        name = " ".join(args)
        t.check_exit("%s in C.UTF-8" % name, english, cli.EXIT_OK)
        t.check("%s: identical in es_CL.UTF-8" % name,
                spanish.returncode == english.returncode and spanish.stdout == english.stdout
                and spanish.stdout != "", spanish)
    # The numbers and dates JSON carries are the API's own, never the locale's.
    r = t.run("lead", "get", cli.SEED_ID, "--json", env=t.env(extra=SPANISH))
    t.check("--json keeps ISO 8601 dates and a decimal point",
            '"2026-02-10T12:00:00Z"' in r.stdout and "0.95" in r.stdout and "0,95" not in r.stdout, r)


def main():
    if len(sys.argv) != 3:
        print("usage: %s NEXOR NEXOR_EMULATOR" % sys.argv[0], file=sys.stderr)
        return 2
    proc = None
    t = None
    try:
        proc, url = cli.start_emulator(sys.argv[2])
        print("# emulator at %s" % url)
        t = cli.Runner(sys.argv[1], url)
        for test in (test_locale_available, test_help, test_card, test_errors, test_numbers,
                     test_machine_output):
            try:
                test(t)
            except Exception as e:
                t.check("%s ran to the end (%s: %s)" % (test.__name__, type(e).__name__, e), False)
    except Exception as e:
        print("not ok 1 - setup: %s" % e)
        print("1..1")
        return 1
    finally:
        cli.stop_emulator(proc)

    print("1..%d" % t.count)
    print("# %d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

// What the GJS binding tests share: a tiny TAP harness, the assertions, and a
// nexor-emulator started for the run. A test module registers its cases with
// test() and ends with runTests(), which prints TAP and exits the process.
// Cases registered with {https: true} run a second time against a
// `nexor-emulator --tls`, with a client that trusts its certificate; those
// with {https: 'only'} run there only.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import System from 'system';

Gio._promisify(Gio.DataInputStream.prototype, 'read_line_async', 'read_line_finish_utf8');
Gio._promisify(Gio.Subprocess.prototype, 'wait_async', 'wait_finish');

export const DEMO_API_KEY = 'nxr_live_emulator_demo_key';
export const SEED_LEAD_ID = '123e4567-e89b-12d3-a456-426614174000';
export const UNKNOWN_LEAD_ID = '00000000-0000-4000-8000-000000000000';
// Nothing listens here: INVALID_ARGUMENT from this client proves no request was sent.
export const UNREACHABLE_URL = 'http://127.0.0.1:1/api/public';

// --- a tiny TAP harness -------------------------------------------------------

const tests = [];
export function test(name, fn, {https = false} = {}) {
    tests.push({name, fn, https});
}

/**
 * A client of url; with caFile, one that trusts the certificates in that file
 * instead of the system's, as an application would for a private authority.
 *
 * @param {object} Nexor - the Nexor module
 * @param {string} url - the base URL
 * @param {string} apiKey - the API key
 * @param {string|null} caFile - a PEM file, or null
 * @returns {object} a Nexor.Client
 */
export function clientFor(Nexor, url, apiKey, caFile) {
    if (!caFile)
        return Nexor.Client.new_for_url(url, apiKey);
    // The generic constructor does not initialize a GInitable: init() does,
    // and throws what the new_* constructors would.
    const client = new Nexor.Client({
        base_url: url,
        api_key: apiKey,
        tls_database: Gio.TlsFileDatabase.new(caFile),
    });
    client.init(null);
    return client;
}

/**
 * Calls fn() and returns the GLib.Error it throws, failing unless it throws
 * one of @domain and @code.
 *
 * @param {function} fn - what should throw
 * @param {object} domain - the error domain, such as Nexor.Error
 * @param {number} code - the error code
 * @param {string} what - what is being checked, for the message
 * @returns {object} the error
 */
export function assertThrows(fn, domain, code, what) {
    try {
        fn();
    } catch (e) {
        if (!(e instanceof GLib.Error) || !e.matches(domain, code))
            throw new Error(`${what}: wrong error ${e}`);
        return e;
    }
    throw new Error(`${what}: no error`);
}

export function assertEqual(actual, expected, what) {
    if (actual !== expected)
        throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function assert(condition, what) {
    if (!condition)
        throw new Error(`assertion failed: ${what}`);
}

export async function assertRejects(promise, domain, code, what) {
    try {
        await promise;
    } catch (e) {
        if (!(e instanceof GLib.Error) || !e.matches(domain, code))
            throw new Error(`${what}: wrong error ${e}`);
        return e;
    }
    throw new Error(`${what}: no error`);
}

// --- the emulator -------------------------------------------------------------

async function startEmulator(caFile = null) {
    const path = GLib.getenv('NEXOR_EMULATOR');
    if (!path)
        throw new Error('NEXOR_EMULATOR must point at the nexor-emulator binary');

    const tlsArgs = caFile ? ['--tls', '--tls-ca-out', caFile] : [];
    const proc = Gio.Subprocess.new([path, '--port', '0', ...tlsArgs], Gio.SubprocessFlags.STDOUT_PIPE);
    const stdout = new Gio.DataInputStream({base_stream: proc.get_stdout_pipe()});
    const cancellable = new Gio.Cancellable();
    const timeoutId = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, 30, () => {
        cancellable.cancel();
        return GLib.SOURCE_REMOVE;
    });
    let line;
    try {
        [line] = await stdout.read_line_async(GLib.PRIORITY_DEFAULT, cancellable);
    } catch (e) {
        proc.force_exit();
        throw e;
    } finally {
        if (!cancellable.is_cancelled())
            GLib.source_remove(timeoutId);
    }
    if (!line?.startsWith(caFile ? 'https://127.0.0.1:' : 'http://127.0.0.1:')) {
        proc.force_exit();
        throw new Error(`nexor-emulator did not print its URL (got ${line})`);
    }
    // Drain whatever else it prints so the pipe never fills up.
    Gio.MemoryOutputStream.new_resizable().splice_async(stdout,
        Gio.OutputStreamSpliceFlags.CLOSE_SOURCE | Gio.OutputStreamSpliceFlags.CLOSE_TARGET,
        GLib.PRIORITY_DEFAULT, null, null);
    return {proc, url: line.trim(), caFile};
}

async function stopEmulator(emulator) {
    emulator.proc.send_signal(15 /* SIGTERM */);
    await emulator.proc.wait_async(null);
}

// --- the run ------------------------------------------------------------------

async function main(setUp) {
    const runs = tests.filter(t => t.https !== 'only').map(t => ({...t, tls: false}));
    for (const t of tests.filter(t => t.https))
        runs.push({...t, name: `https: ${t.name}`, tls: true});
    print(`1..${runs.length}`);

    const tmpDir = GLib.dir_make_tmp('nexor-gjs-XXXXXX');
    const caFile = GLib.build_filenamev([tmpDir, 'ca.pem']);
    let emulator, tlsEmulator;
    try {
        emulator = await startEmulator();
        if (runs.some(r => r.tls))
            tlsEmulator = await startEmulator(caFile);
    } catch (e) {
        print(`Bail out! cannot start nexor-emulator: ${e.message}`);
        if (emulator)
            await stopEmulator(emulator);
        return 1;
    }

    let failures = 0;
    let current = null;
    try {
        for (const [i, {name, fn, tls}] of runs.entries()) {
            const server = tls ? tlsEmulator : emulator;
            if (server !== current) {
                setUp(server.url, server.caFile);
                current = server;
            }
            try {
                // eslint-disable-next-line no-await-in-loop
                await fn();
                print(`ok ${i + 1} - ${name}`);
            } catch (e) {
                failures++;
                print(`not ok ${i + 1} - ${name}`);
                for (const line of `${e}\n${e.stack ?? ''}`.trimEnd().split('\n'))
                    print(`# ${line}`);
            }
        }
    } finally {
        await stopEmulator(emulator);
        if (tlsEmulator)
            await stopEmulator(tlsEmulator);
        GLib.unlink(caFile);
        GLib.rmdir(tmpDir);
    }
    return failures === 0 ? 0 : 1;
}

/**
 * Starts the emulator, calls setUp with its URL (to make the tests' client),
 * runs every registered test in order, then those registered with
 * {https: true} again after calling setUp with the URL of an https emulator
 * and the CA file that trusts it, and exits with 0 only if all passed. The
 * emulators are stopped even when a test or setUp throws.
 *
 * @param {function(string, string|null)} setUp - called with the base URL
 *   and the CA file (null for http) before the tests of each emulator
 */
export function runTests(setUp) {
    const loop = new GLib.MainLoop(null, false);
    let exitCode = 1;
    main(setUp).then(code => {
        exitCode = code;
    }).catch(e => {
        print(`Bail out! ${e}`);
        logError(e);
    }).finally(() => loop.quit());
    loop.run();
    System.exit(exitCode);
}

// What the GJS binding tests share: a tiny TAP harness, the assertions, and a
// nexor-emulator started for the run. A test module registers its cases with
// test() and ends with runTests(), which prints TAP and exits the process.
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
export function test(name, fn) {
    tests.push({name, fn});
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

async function startEmulator() {
    const path = GLib.getenv('NEXOR_EMULATOR');
    if (!path)
        throw new Error('NEXOR_EMULATOR must point at the nexor-emulator binary');

    const proc = Gio.Subprocess.new([path, '--port', '0'], Gio.SubprocessFlags.STDOUT_PIPE);
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
    if (!line?.startsWith('http://127.0.0.1:')) {
        proc.force_exit();
        throw new Error(`nexor-emulator did not print its URL (got ${line})`);
    }
    // Drain whatever else it prints so the pipe never fills up.
    Gio.MemoryOutputStream.new_resizable().splice_async(stdout,
        Gio.OutputStreamSpliceFlags.CLOSE_SOURCE | Gio.OutputStreamSpliceFlags.CLOSE_TARGET,
        GLib.PRIORITY_DEFAULT, null, null);
    return {proc, url: line.trim()};
}

async function stopEmulator(emulator) {
    emulator.proc.send_signal(15 /* SIGTERM */);
    await emulator.proc.wait_async(null);
}

// --- the run ------------------------------------------------------------------

async function main(setUp) {
    print(`1..${tests.length}`);
    let emulator;
    try {
        emulator = await startEmulator();
    } catch (e) {
        print(`Bail out! cannot start nexor-emulator: ${e.message}`);
        return 1;
    }

    let failures = 0;
    try {
        setUp(emulator.url);
        for (const [i, {name, fn}] of tests.entries()) {
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
    }
    return failures === 0 ? 0 : 1;
}

/**
 * Starts the emulator, calls setUp with its URL (to make the tests' client),
 * runs every registered test in order and exits with 0 only if all passed.
 * The emulator is stopped even when a test or setUp throws.
 *
 * @param {function(string)} setUp - called once, before the first test
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

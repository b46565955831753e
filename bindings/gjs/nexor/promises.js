// nexor/promises.js: promise-returning methods for the whole Nexor namespace.
//
//     import Nexor from 'gi://Nexor?version=1';
//     imports.nexor.promises.promisifyAll(Nexor);
//
//     const lead = await client.get_lead_async(id, null);
//     for await (const item of history)   // every page, fetched on demand
//         print(item.title);
//
// A module in GJS's legacy format, so that ES modules, scripts and apps
// find it the same way: GJS looks for `imports.nexor.promises` in
// gjs-1.0/nexor/promises.js under every XDG data directory (and GJS_PATH).
//
// SPDX-License-Identifier: LGPL-2.1-or-later

/* exported promisifyAll, allItems */

const {Gio, GObject} = imports.gi;

const ASYNC = '_async';

// Every entry of a paged list (one with load_more_async and has_more), in
// the list's order: the ones already loaded, then each further page, fetched
// with load_more_async when the loop gets to it, until has_more is false.
// A failed fetch rejects with its GLib.Error.
async function* _entries(list, cancellable) {
    let position = 0;
    for (;;) {
        while (position < list.get_n_items())
            yield list.get_item(position++);
        if (!list.has_more)
            return;
        // eslint-disable-next-line no-await-in-loop
        await list.load_more_async(cancellable);
    }
}

/**
 * Gives every `*_async` method of every class in @namespace that has a
 * matching `*_finish` a promise-returning form (Gio._promisify), and makes
 * paged lists (Nexor.HistoryList, Nexor.ConversionList: any class with
 * load_more_async and get_n_items) async iterable: `for await (const item of
 * list)` fetches the following pages as it goes.
 *
 * A promise is returned when the callback is left out: pass every other
 * argument, the cancellable included (`null` for none). Calling it again
 * changes nothing.
 *
 * @param {object} namespace - the Nexor namespace, as imported
 * @returns {object} @namespace
 */
function promisifyAll(namespace) {
    for (const name of Object.keys(namespace)) {
        const klass = namespace[name];
        if (typeof klass !== 'function' || !(klass.prototype instanceof GObject.Object))
            continue;
        const proto = klass.prototype;
        for (const method of Object.keys(proto)) {
            if (!method.endsWith(ASYNC))
                continue;
            const finish = `${method.slice(0, -ASYNC.length)}_finish`;
            if (finish in proto)
                Gio._promisify(proto, method, finish);
        }
        if ('load_more_async' in proto && 'get_n_items' in proto) {
            proto[Symbol.asyncIterator] = function () {
                return _entries(this, null);
            };
        }
    }
    return namespace;
}

/**
 * Every entry of a paged list, as an async iterable, with a cancellable for
 * the page fetches: `for await (const item of allItems(history, cancellable))`.
 * Needs promisifyAll() first.
 *
 * @param {Gio.ListModel} list - a paged list such as Nexor.HistoryList or
 *   Nexor.ConversionList
 * @param {Gio.Cancellable} [cancellable] - cancels a page fetch
 * @returns {AsyncIterable} the entries
 */
function allItems(list, cancellable = null) {
    return {
        [Symbol.asyncIterator]: () => _entries(list, cancellable),
    };
}

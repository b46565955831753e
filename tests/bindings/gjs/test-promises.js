// GJS with the installed helper module nexor/promises.js (bindings/gjs):
// one promisifyAll() call and every call can be awaited, with no
// Gio._promisify line per method, and `for await` pages through a history.
// Prints TAP.
//
//   GJS_PATH=bindings/gjs NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-promises.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import Nexor from 'gi://Nexor?version=1';

import {
    DEMO_API_KEY, SEED_LEAD_ID, UNKNOWN_LEAD_ID,
    assert, assertEqual, assertRejects, clientFor, runTests, test,
} from './helpers.js';

const {promisifyAll, allItems} = imports.nexor.promises;

const HISTORY_LENGTH = 128;

// Nothing has made Nexor calls return promises before this line.
const promisedBefore = Object.keys(Nexor.Client.prototype)
    .filter(key => key.startsWith('_original_'));
assertEqual(promisifyAll(Nexor), Nexor, 'promisifyAll returns the namespace');

// Every class of the namespace, with its `*_async` methods that have a `*_finish`.
function asyncPairs() {
    const pairs = [];
    for (const name of Object.keys(Nexor)) {
        const klass = Nexor[name];
        if (typeof klass !== 'function' || !(klass.prototype instanceof GObject.Object))
            continue;
        for (const key of Object.keys(klass.prototype)) {
            if (key.endsWith('_async') && `${key.slice(0, -6)}_finish` in klass.prototype)
                pairs.push([name, key]);
        }
    }
    return pairs;
}

function uniqueEmail(name) {
    return `${name}.${Math.random().toString(16).slice(2, 14)}@example.com`;
}

let client;
let longLeadId = null;

// A lead of its own with 128 history entries: created, then updated 127 times.
async function longHistoryLead() {
    if (longLeadId)
        return longLeadId;
    const created = await client.create_lead_async(
        new Nexor.LeadInput({first_name: 'Paula', email: uniqueEmail('paula')}), null);
    const id = created.lead.id;
    for (let i = 1; i < HISTORY_LENGTH; i++) {
        // eslint-disable-next-line no-await-in-loop
        await client.update_lead_async(id, new Nexor.LeadInput({title: `Step ${i}`}), null);
    }
    longLeadId = id;
    return id;
}

test('promisifyAll covers every _async/_finish pair of every class', () => {
    assertEqual(promisedBefore.length, 0, 'promised methods before promisifyAll');
    const pairs = asyncPairs();
    assert(pairs.length > 15, `found ${pairs.length} pairs`);
    assert(pairs.some(([name]) => name === 'HistoryList'), 'HistoryList.load_more_async');
    for (const [name, key] of pairs)
        assert(`_original_${key}` in Nexor[name].prototype, `${name}.${key} promisified`);
    // Twice is the same as once.
    promisifyAll(Nexor);
    for (const [name, key] of pairs) {
        const original = Nexor[name].prototype[`_original_${key}`];
        assert(!original.toString().includes('_original_'), `${name}.${key} wrapped once`);
    }
});

test('calls are awaited without a _promisify line per method', async () => {
    const lead = await client.get_lead_async(SEED_LEAD_ID, null);
    assert(lead instanceof Nexor.Lead, 'a Nexor.Lead');
    assertEqual(lead.first_name, 'Carlos', 'first_name');

    const leads = new Gio.ListStore({item_type: Nexor.LeadInput});
    for (let i = 0; i < 3; i++)
        leads.append(new Nexor.LeadInput({first_name: `Bulk ${i}`, email: uniqueEmail(`bulk${i}`)}));
    const bulk = await client.create_leads_async(leads, null);
    assertEqual(bulk.created, 3, 'created');

    const tags = await client.list_tags_async(null, null);
    assert(tags.get_n_items() > 0, 'tags');
    // With a callback, the method is still the callback form.
    const viaCallback = await new Promise((resolve, reject) => {
        client.get_lead_async(SEED_LEAD_ID, null, (source, result) => {
            try {
                resolve(source.get_lead_finish(result));
            } catch (e) {
                reject(e);
            }
        });
    });
    assertEqual(viaCallback.id, SEED_LEAD_ID, 'callback form');
}, {https: true});

test('a failed call rejects with its GLib.Error', async () => {
    const error = await assertRejects(client.get_lead_async(UNKNOWN_LEAD_ID, null),
        Nexor.Error, Nexor.Error.NOT_FOUND, 'unknown lead');
    assert(error.message.startsWith('HTTP 404'), error.message);
    const cancellable = new Gio.Cancellable();
    cancellable.cancel();
    await assertRejects(client.get_lead_async(SEED_LEAD_ID, cancellable),
        Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED, 'cancelled');
});

test('for await pages through the whole history', async () => {
    const id = await longHistoryLead();
    const history = await client.list_lead_history_async(id, null, null);
    assertEqual(history.n_items, Nexor.HISTORY_LIST_DEFAULT_PAGE_SIZE, 'first page');
    assert(history.has_more, 'has more');

    const seen = [];
    for await (const item of history)
        seen.push(item);

    assertEqual(seen.length, HISTORY_LENGTH, 'entries');
    assertEqual(new Set(seen.map(item => item.id)).size, HISTORY_LENGTH, 'distinct entries');
    assertEqual(seen[0].title, 'Lead created', 'oldest first');
    assert(seen.slice(1).every(item => item.activity_type === 'lead_updated'), 'updates');
    assertEqual(history.n_items, HISTORY_LENGTH, 'n_items');
    assertEqual(history.has_more, false, 'has_more');

    // Small pages from an empty list, through allItems().
    const paged = new Nexor.HistoryList({client, lead_id: id, page_size: 9});
    let count = 0;
    for await (const item of allItems(paged)) {
        assert(item instanceof Nexor.HistoryItem, 'an item');
        count++;
    }
    assertEqual(count, HISTORY_LENGTH, 'entries in pages of 9');
}, {https: true});

test('for await pages through conversions, a list of the same paging', async () => {
    const types = await client.list_conversion_types_async(null);
    const reserva = [...Array(types.get_n_items()).keys()]
        .map(i => types.get_item(i)).find(t => t.name === 'Reserva');
    const recorded = await client.create_conversion_async(new Nexor.ConversionInput({
        conversion_type_id: reserva.id, lead_id: SEED_LEAD_ID, amount: 1500,
    }), null);
    assertEqual(recorded.conversion_type.name, 'Reserva', 'embedded type');

    const first = await client.list_conversions_async(
        new Nexor.ConversionQuery({lead_id: SEED_LEAD_ID}), null);
    assert(first.total >= 1, 'total');

    const paged = new Nexor.ConversionList({client, page_size: 1});
    const seen = [];
    for await (const conversion of allItems(paged)) {
        assert(conversion instanceof Nexor.Conversion, 'a conversion');
        seen.push(conversion.id);
    }
    assertEqual(seen.length, paged.total, 'every conversion, in pages of 1');
    assert(seen.includes(recorded.id), 'the one recorded');
    assertEqual(paged.has_more, false, 'has_more');
});

test('for await rejects with the error of a page fetch', async () => {
    const history = new Nexor.HistoryList({client, lead_id: UNKNOWN_LEAD_ID});
    await assertRejects((async () => {
        for await (const item of history)
            throw new Error(`an item of an unknown lead: ${item}`);
    })(), Nexor.Error, Nexor.Error.NOT_FOUND, 'unknown lead');

    const id = await longHistoryLead();
    const loaded = await client.list_lead_history_async(id, null, null);
    const cancellable = new Gio.Cancellable();
    cancellable.cancel();
    let count = 0;
    await assertRejects((async () => {
        for await (const item of allItems(loaded, cancellable))
            count += item ? 1 : 0;
    })(), Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED, 'cancelled');
    assertEqual(count, Nexor.HISTORY_LIST_DEFAULT_PAGE_SIZE, 'the loaded page came first');
});

runTests((url, caFile) => {
    client = clientFor(Nexor, url, DEMO_API_KEY, caFile);
    longLeadId = null;
});

# The whole history of a lead from Python: the seed lead's 128 entries, which
# a blocking list_lead_history() gives only the first 50 of, all of them with
# load_all(), list_all_lead_history() and an auto-paging loop over
# load_more()/has-more/n-items; and cancels that end only their own call.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import Gio, GLib, Nexor  # noqa: E402

from conftest import over_http_and_https  # noqa: E402

SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"  # 128 history entries in the seed
SEED_HISTORY = 128


def ids(history):
    return [history.get_item(i).get_id() for i in range(history.get_n_items())]


def assert_whole(history):
    assert history.props.has_more is False
    assert history.props.loading is False
    assert history.props.error is None
    assert history.get_n_items() == history.props.n_items == SEED_HISTORY
    every = ids(history)
    assert len(set(every)) == SEED_HISTORY
    stamps = [history.get_item(i).get_timestamp().to_unix() for i in range(SEED_HISTORY)]
    assert stamps == sorted(stamps)  # oldest first
    return every


def run_async(start, finish):
    loop = GLib.MainLoop()
    outcome = {}

    def on_done(source, result):
        outcome["result"] = result
        loop.quit()

    start(on_done)
    loop.run()
    return finish(outcome["result"])


@over_http_and_https
def test_blocking_load_all(client):
    # What a plain loop over the blocking call used to get: the first page.
    history = client.list_lead_history(SEED_LEAD_ID, None, None)
    assert history.get_n_items() == Nexor.HISTORY_LIST_DEFAULT_PAGE_SIZE
    assert history.props.has_more is True

    assert history.load_all(None) is True
    every = assert_whole(history)
    assert len([item for item in history]) == SEED_HISTORY

    # Loading all of it again is free, and changes nothing.
    assert history.load_all(None) is True
    assert ids(history) == every

    # The client's own call: the whole history in one go.
    whole = client.list_all_lead_history(SEED_LEAD_ID, None, None)
    assert whole.props.page_size == Nexor.HISTORY_LIST_MAX_PAGE_SIZE
    assert assert_whole(whole) == every


def test_async_load_all(client):
    history = run_async(lambda cb: client.list_lead_history_async(SEED_LEAD_ID, None, None, cb),
                        client.list_lead_history_finish)
    assert history.props.has_more is True
    assert run_async(lambda cb: history.load_all_async(None, cb), history.load_all_finish) is True
    every = assert_whole(history)

    whole = run_async(lambda cb: client.list_all_lead_history_async(SEED_LEAD_ID, None, None, cb),
                      client.list_all_lead_history_finish)
    assert assert_whole(whole) == every


def test_auto_paging_loop(client):
    # The calls an auto-paging iterator is built on: go through n-items, and
    # while has-more, load_more() adds entries (or ends the list).
    def every_item(history):
        position = 0
        while True:
            while position < history.get_n_items():
                yield history.get_item(position)
                position += 1
            if not history.props.has_more:
                return
            history.load_more(None)

    history = Nexor.HistoryList(client=client, lead_id=SEED_LEAD_ID, page_size=7)
    got = [item.get_id() for item in every_item(history)]
    assert got == assert_whole(history)


def test_cancel_ends_only_that_call(client):
    history = client.list_lead_history(SEED_LEAD_ID, None, None)
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    with pytest.raises(GLib.Error) as caught:
        history.load_all(cancellable)
    assert caught.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
    with pytest.raises(GLib.Error) as caught:
        client.list_all_lead_history(SEED_LEAD_ID, None, cancellable)
    assert caught.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)

    # The list is as it was: no error, and the rest still loads.
    assert history.props.error is None
    assert history.get_n_items() == Nexor.HISTORY_LIST_DEFAULT_PAGE_SIZE
    assert history.load_all(None) is True
    assert_whole(history)

    # The cancellable of list_lead_history is that call's, not the list's.
    first = Gio.Cancellable()
    history = client.list_lead_history(SEED_LEAD_ID, None, first)
    first.cancel()
    assert history.load_all(None) is True
    assert_whole(history)

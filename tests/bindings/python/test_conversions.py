# Conversions from Python: the types and their fields, a conversion recorded
# with metadata as a dict and listed back first for its lead, and the paged
# list walked with auto_paging_iter() (the same additions as the history,
# from the same shared paging) and load_all().
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import GLib, Nexor  # noqa: E402

CARLOS = "123e4567-e89b-12d3-a456-426614174000"
MATIAS = "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315"


def test_types_record_and_list(client):
    types = {t.get_name(): t for t in client.list_conversion_types(None)}
    assert set(types) == {"Reserva", "Demo Booked", "Closed Won"}
    reserva = types["Reserva"]
    assert [(f.get_key(), f.get_field_type()) for f in reserva.get_fields()] == [
        ("property_unit", "text"), ("broker", "text"), ("commission", "number")]

    before = client.list_conversions(Nexor.ConversionQuery(lead_id=CARLOS), None).get_total()
    when = GLib.DateTime.new_utc(2026, 4, 1, 10, 0, 0)
    conversion = client.create_conversion(Nexor.ConversionInput(
        conversion_type_id=reserva.get_id(), lead_id=CARLOS, amount=85000,
        metadata={"property_unit": "Apt 302", "commission": 2550}, converted_at=when), None)
    assert conversion.get_amount() == 85000
    assert conversion.get_currency() == "USD"
    assert conversion.dup_metadata() == {"property_unit": "Apt 302", "commission": 2550}
    assert conversion.get_conversion_type().get_name() == "Reserva"
    assert conversion.get_converted_at().equal(when)

    listed = client.list_conversions(Nexor.ConversionQuery(lead_id=CARLOS), None)
    assert listed.get_total() == before + 1
    assert conversion.get_id() in [c.get_id() for c in listed.auto_paging_iter()]


def test_refused_before_sending(client):
    with pytest.raises(Nexor.InvalidArgumentError):
        client.create_conversion(Nexor.ConversionInput(lead_id=CARLOS, amount=1), None)
    with pytest.raises(Nexor.InvalidArgumentError):
        client.list_conversions(Nexor.ConversionQuery(lead_id="not-an-id"), None)
    with pytest.raises(Nexor.NotFoundError):
        types = client.list_conversion_types(None)
        client.create_conversion(Nexor.ConversionInput(
            conversion_type_id=types[0].get_id(), lead_id="00000000-0000-4000-8000-000000000000",
            amount=1), None)


def test_paging(client):
    whole = client.list_conversions(None, None)
    total = whole.get_total()
    assert total >= 4
    whole.load_all(None)
    every = [c.get_id() for c in whole]
    assert len(every) == total

    # Pages of one: auto_paging_iter() fetches them as the loop goes.
    paged = Nexor.ConversionList(client=client, page_size=1)
    assert hasattr(paged, "auto_paging_iter") and hasattr(paged, "auto_paging_async")
    assert [c.get_id() for c in paged.auto_paging_iter()] == every
    assert paged.props.has_more is False and paged.props.total == total

    # And from the main loop.
    loop = GLib.MainLoop()
    seen, done = [], []
    Nexor.ConversionList(client=client, page_size=2, query=Nexor.ConversionQuery(lead_id=MATIAS)) \
        .auto_paging_async(lambda c: seen.append(c.get_id()), lambda error: (done.append(error), loop.quit()))
    loop.run()
    assert done == [None]
    assert len(seen) >= 2


@pytest.mark.parametrize("make", [
    lambda: Nexor.HistoryList(lead_id=CARLOS),
    lambda: Nexor.ConversionList(),
])
def test_a_list_without_a_client_fails_every_load(make):
    # Built from a binding without a client: every load is a clear error
    # (it used to reach the request core with NULL and crash).
    paged = make()
    with pytest.raises(Nexor.InvalidArgumentError):
        paged.load_more(None)
    with pytest.raises(Nexor.InvalidArgumentError):
        paged.load_all(None)
    assert paged.props.error is not None
    assert paged.get_n_items() == 0

    loop = GLib.MainLoop()
    outcome = []

    def done(source, result):
        try:
            source.load_more_finish(result)
            outcome.append(None)
        except GLib.Error as error:
            outcome.append(error)
        loop.quit()

    paged.load_more_async(None, done)
    loop.run()
    assert isinstance(outcome[0], Nexor.InvalidArgumentError)

/* Vala tests of the conversion calls, compiled against nexor-glib-1.vapi:
 * list_conversion_types and create_conversion with yield, and the paged
 * list_conversions walked to its end. Runs against the server in
 * NEXOR_BASE_URL (or the first argument); scripts/with-emulator.sh provides
 * it. Prints TAP.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const string SEED_LEAD = "123e4567-e89b-12d3-a456-426614174000";
const string RESERVA = "123e4567-e89b-12d3-a456-426614174100";

string base_url;
string api_key;

Nexor.Client make_client () {
    try {
        return new Nexor.Client.for_url (base_url, api_key);
    } catch (Error e) {
        error ("cannot build a client of %s: %s", base_url, e.message);
    }
}

async void record_and_list (Nexor.Client client) throws Error {
    ListModel types = yield client.list_conversion_types_async (null);
    Nexor.ConversionType? reserva = null;

    for (uint i = 0; i < types.get_n_items (); i++) {
        var type = (Nexor.ConversionType) types.get_item (i);
        if (type.get_id () == RESERVA)
            reserva = type;
    }
    assert_nonnull (reserva);
    assert_cmpuint (reserva.get_fields ().get_n_items (), CompareOperator.EQ, 3);
    var field = (Nexor.ConversionField) reserva.get_fields ().get_item (2);
    assert_cmpstr (field.get_field_type (), CompareOperator.EQ, "number");

    var metadata = new Json.Object ();
    metadata.set_string_member ("property_unit", "Apt 302");
    var input = new Nexor.ConversionInput ();
    input.conversion_type_id = reserva.get_id ();
    input.lead_id = SEED_LEAD;
    input.amount = 85000.0;
    input.metadata = metadata;
    Nexor.Conversion conversion = yield client.create_conversion_async (input, null);
    assert_cmpfloat (conversion.get_amount (), CompareOperator.EQ, 85000.0);
    assert_cmpstr (conversion.get_conversion_type ().get_name (), CompareOperator.EQ, "Reserva");

    var query = new Nexor.ConversionQuery ();
    query.lead_id = SEED_LEAD;
    Nexor.ConversionList mine = yield client.list_conversions_async (query, null);
    assert_cmpstr (((Nexor.Conversion) mine.get_item (0)).get_id (), CompareOperator.EQ, conversion.get_id ());

    /* Pages of one, to the end. */
    var all = (Nexor.ConversionList) Object.new (typeof (Nexor.ConversionList),
                                                 "client", client, "page-size", 1u);
    yield all.load_all_async (null);
    assert_false (all.has_more);
    assert_cmpint ((int) all.total, CompareOperator.EQ, (int) all.get_n_items ());
}

void test_record_and_list () {
    var client = make_client ();
    var loop = new MainLoop ();
    Error? failure = null;

    record_and_list.begin (client, (obj, res) => {
        try {
            record_and_list.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    loop.run ();
    if (failure != null)
        error ("conversions: %s", failure.message);
}

void test_refused () {
    var input = new Nexor.ConversionInput ();
    input.lead_id = SEED_LEAD;

    try {
        make_client ().create_conversion (input, null);
        assert_not_reached ();
    } catch (Nexor.Error.INVALID_ARGUMENT e) {
        assert_true ("conversion-type-id" in e.message);
    } catch (Error e) {
        error ("expected INVALID_ARGUMENT, got %s", e.message);
    }
}

int main (string[] args) {
    Test.init (ref args);

    base_url = args.length > 1 ? args[1] : Environment.get_variable ("NEXOR_BASE_URL");
    api_key = Environment.get_variable ("NEXOR_API_KEY") ?? "nxr_live_emulator_demo_key";
    if (base_url == null) {
        printerr ("usage: %s URL (or set NEXOR_BASE_URL)\n", args[0]);
        return 2;
    }

    Test.add_func ("/vala/conversions/record-and-list", test_record_and_list);
    Test.add_func ("/vala/conversions/refused", test_refused);

    return Test.run ();
}

/* The methods of nexor-glib-1.vapi that take a `const char * const *`:
 * vapigen 0.56 cannot give an array parameter its C type from the GIR or
 * from metadata, so they are declared here with it (see Nexor-1.metadata,
 * which skips the generated ones). vapigen merges these classes with the
 * rest of their members from Nexor-1.gir.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

namespace Nexor {
	public sealed class Client : GLib.Object {
		public GLib.ListModel assign_lead_tags (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] tag_ids, GLib.Cancellable? cancellable = null) throws GLib.Error;
		public async GLib.ListModel assign_lead_tags_async (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] tag_ids, GLib.Cancellable? cancellable) throws GLib.Error;
		public Nexor.HistoryList list_all_lead_history (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[]? channels, GLib.Cancellable? cancellable = null) throws GLib.Error;
		public async Nexor.HistoryList list_all_lead_history_async (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[]? channels, GLib.Cancellable? cancellable) throws GLib.Error;
		public Nexor.HistoryList list_lead_history (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[]? channels, GLib.Cancellable? cancellable = null) throws GLib.Error;
		public async Nexor.HistoryList list_lead_history_async (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[]? channels, GLib.Cancellable? cancellable) throws GLib.Error;
		public GLib.ListModel list_lead_meetings (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[]? statuses, GLib.Cancellable? cancellable = null) throws GLib.Error;
		public async GLib.ListModel list_lead_meetings_async (string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[]? statuses, GLib.Cancellable? cancellable) throws GLib.Error;
		public GLib.ListModel reorder_processor_rules (string processor_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] rule_ids, GLib.Cancellable? cancellable = null) throws GLib.Error;
		public async GLib.ListModel reorder_processor_rules_async (string processor_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] rule_ids, GLib.Cancellable? cancellable) throws GLib.Error;
		public Nexor.TagSyncResult sync_lead_tags (string? lead_id, string? email, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] tags, GLib.Cancellable? cancellable = null) throws GLib.Error;
		public async Nexor.TagSyncResult sync_lead_tags_async (string? lead_id, string? email, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] tags, GLib.Cancellable? cancellable) throws GLib.Error;
	}

	public sealed class ConditionInput : GLib.Object {
		public void set_string_list_value ([CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] values);
	}

	public sealed class HistoryList : GLib.Object {
		[CCode (has_construct_function = false)]
		public HistoryList (Nexor.Client client, string lead_id, [CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[]? channels, GLib.Cancellable? cancellable = null);
	}

	public sealed class MessageInput : GLib.Object {
		public void set_template_parameters ([CCode (array_length = false, array_null_terminated = true, type = "const char* const*")] string[] parameters);
	}
}

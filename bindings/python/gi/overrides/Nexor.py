# PyGObject overrides for Nexor-1: the same C API, with Python manners.
#
# Everything here is a thin layer over the introspected API, and most of it
# is generated from the typelib rather than written out per method, so that
# a method or an error code added to the C library gets the same treatment
# without a change here:
#
# - every method and function that can fail raises a subclass of
#   Nexor.NexorError (itself a GLib.Error) named after the error code:
#   Nexor.NotFoundError, Nexor.UnauthorizedError, ...;
# - methods that return JSON (dup_json, dup_metadata, dup_value, ...) return
#   plain Python values, and methods and constructors that take JSON accept
#   them;
# - an argument that is a Gio.ListModel also takes a Python sequence, and
#   one that is a GLib.Bytes (a webhook delivery's raw body) takes bytes;
# - every class gets a readable repr();
# - every paged list (Nexor.HistoryList, Nexor.ConversionList: a list model
#   with load_more and has-more) gets auto_paging_iter() and
#   auto_paging_async().
#
# An exception raised while this module loads breaks
# `from gi.repository import Nexor`: keep it free of anything that can fail.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import functools
import json as _json

from gi import _gi
from gi.module import get_introspection_module
from gi.overrides import override
from gi.repository import Gio, GLib, GObject, Json

Nexor = get_introspection_module("Nexor")

__all__ = []

_ERROR_DOMAIN = GLib.quark_to_string(Nexor.error_quark())


# --- errors -------------------------------------------------------------------

class NexorError(GLib.Error):
    """An error of the Nexor.Error domain (NEXOR_ERROR).

    Every call that fails with it raises the subclass named after its code
    (Nexor.Error.NOT_FOUND: Nexor.NotFoundError); catch NexorError for all of
    them, or GLib.Error for transport errors as well. `code` is the
    Nexor.Error value, `message` the library's message.
    """

    def __init__(self, message="unknown error", domain=_ERROR_DOMAIN, code=0):
        try:
            code = Nexor.Error(code)
        except ValueError:  # a code newer than this typelib: keep the number
            pass
        super().__init__(message, domain, code)

    def __repr__(self):
        return "Nexor.%s(%r, code=%s)" % (type(self).__name__, self.message,
                                          getattr(self.code, "value_nick", self.code))

    @property
    def retry_after(self):
        """Seconds the server asked to wait (Retry-After) before trying again,
        or 0 when it did not ask; see Nexor.error_get_retry_after()."""
        return Nexor.error_get_retry_after(self)


__all__.append("NexorError")

_ERROR_CLASSES = {}


def _error_class_name(value):
    return "".join(word.capitalize() for word in value.value_nick.split("-")) + "Error"


# One class per code of the enum, whatever codes this typelib has.
for _value in sorted(Nexor.Error.__enum_values__.values()):
    _name = _error_class_name(_value)
    _cls = type(_name, (NexorError,), {
        "__doc__": "Raised for Nexor.Error.%s; see Nexor.NexorError." % _value.value_name[len("NEXOR_ERROR_"):],
    })
    _ERROR_CLASSES[int(_value)] = _cls
    globals()[_name] = _cls
    __all__.append(_name)
del _value, _name, _cls


def _error_class(error):
    """The NexorError subclass to raise for @error instead, or None if it is
    of another domain or already one."""
    if isinstance(error, NexorError) or error.domain != _ERROR_DOMAIN:
        return None
    return _ERROR_CLASSES.get(error.code, NexorError)


def _specific_error(error):
    """@error as the NexorError subclass of its code; @error itself if it is
    of another domain or already one."""
    error_class = _error_class(error)
    if error_class is None:
        return error
    return error_class(error.message, error.domain, error.code)


# --- JSON ---------------------------------------------------------------------

def _json_to_python(value):
    """A Json.Node, Json.Object or Json.Array as plain Python values: dict,
    list, str, int (JSON integers stay int), float, bool, None.

    Walks with a stack of its own rather than recursion: the library accepts
    documents up to NEXOR_JSON_MAX_DEPTH deep and they may be read on a small
    thread stack.
    """
    if value is None:
        return None
    holder = [None]
    pending = [(value, holder, 0)]
    while pending:
        item, container, key = pending.pop()
        if isinstance(item, Json.Node):
            kind = item.get_node_type()
            if kind == Json.NodeType.OBJECT:
                item = item.get_object()
            elif kind == Json.NodeType.ARRAY:
                item = item.get_array()
            elif kind == Json.NodeType.NULL:
                container[key] = None
                continue
            else:
                value_type = item.get_value_type()
                if value_type == GObject.TYPE_INT64:
                    container[key] = item.get_int()
                elif value_type == GObject.TYPE_DOUBLE:
                    container[key] = item.get_double()
                elif value_type == GObject.TYPE_BOOLEAN:
                    container[key] = item.get_boolean()
                else:
                    container[key] = item.get_string()
                continue
        if isinstance(item, Json.Object):
            result = {}
            for name in item.get_members():
                result[name] = None  # keeps the members' order
                pending.append((item.get_member(name), result, name))
        else:
            result = [None] * item.get_length()
            for index in range(len(result)):
                pending.append((item.get_element(index), result, index))
        container[key] = result
    return holder[0]


def _python_to_json(value, gtype):
    """@value (Python values, or already json-glib) as the json-glib type
    @gtype (Json.Node, Json.Object or Json.Array) a C function takes."""
    if value is None or isinstance(value, (Json.Node, Json.Object, Json.Array)):
        return value
    node = Json.from_string(_json.dumps(value, allow_nan=False))
    if gtype == Json.Object.__gtype__:
        if node.get_node_type() != Json.NodeType.OBJECT:
            raise TypeError("expected a dict (a JSON object), not %s" % type(value).__name__)
        return node.get_object()
    if gtype == Json.Array.__gtype__:
        if node.get_node_type() != Json.NodeType.ARRAY:
            raise TypeError("expected a list (a JSON array), not %s" % type(value).__name__)
        return node.get_array()
    return node


_JSON_GTYPES = {Json.Node.__gtype__, Json.Object.__gtype__, Json.Array.__gtype__}


def _as_list_model(value):
    """A Python sequence as a Gio.ListModel of its items; the C function
    checks what they are."""
    if value is None or isinstance(value, Gio.ListModel):
        return value
    store = Gio.ListStore(item_type=GObject.Object)
    for item in value:
        if not isinstance(item, GObject.Object):
            raise TypeError("expected a list of GObjects, found %s" % type(item).__name__)
        store.append(item)
    return store


def _as_glib_bytes(value):
    """bytes, bytearray or memoryview as the GLib.Bytes a C function takes."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return GLib.Bytes.new(bytes(value))
    return value


# --- generated method wrappers ------------------------------------------------

def _interface_gtype(type_info):
    if type_info.get_tag() != _gi.TypeTag.INTERFACE:
        return None
    info = type_info.get_interface()
    gtype = getattr(info, "get_g_type", lambda: None)()
    return gtype


def _wrap(callable_info, func, is_method):
    """@func with its arguments converted from Python values, its JSON result
    converted to Python values and its GLib.Error re-raised as the specific
    NexorError subclass, each only where @callable_info says it applies."""
    converters = {}
    for index, arg in enumerate(callable_info.get_arguments()):
        if arg.get_direction() != _gi.Direction.IN:
            continue
        gtype = _interface_gtype(arg.get_type())
        if gtype in _JSON_GTYPES:
            converters[arg.get_name()] = (index, functools.partial(_python_to_json, gtype=gtype))
        elif gtype == Gio.ListModel.__gtype__:
            converters[arg.get_name()] = (index, _as_list_model)
        elif gtype == GLib.Bytes.__gtype__:
            converters[arg.get_name()] = (index, _as_glib_bytes)
    return_gtype = _interface_gtype(callable_info.get_return_type())
    returns_json = return_gtype in _JSON_GTYPES
    returns_error = callable_info.get_return_type().get_tag() == _gi.TypeTag.ERROR
    raises = callable_info.can_throw_gerror()
    if not (converters or returns_json or returns_error or raises):
        return None

    offset = 1 if is_method else 0

    @functools.wraps(func, assigned=("__doc__",))
    def wrapper(*args, **kwargs):
        if converters:
            args = list(args)
            for name, (index, convert) in converters.items():
                if name in kwargs:
                    kwargs[name] = convert(kwargs[name])
                elif index + offset < len(args):
                    args[index + offset] = convert(args[index + offset])
        try:
            result = func(*args, **kwargs)
        except GLib.Error as error:
            # This frame is in the traceback, so no local may name an
            # exception once it propagates: the cycle would keep every
            # frame of the call, and what they hold (a window, say),
            # alive until the garbage collector runs.
            error_class = _error_class(error)
            if error_class is None:
                raise
            try:
                raise error_class(error.message, error.domain, error.code) \
                    .with_traceback(error.__traceback__) from None
            finally:
                del error
        if returns_json:
            return _json_to_python(result)
        if returns_error and result is not None:
            return _specific_error(result)
        return result

    wrapper.__name__ = wrapper.__qualname__ = callable_info.get_name()
    return wrapper


# --- repr ---------------------------------------------------------------------

_SCALAR_GTYPES = {GObject.TYPE_STRING, GObject.TYPE_BOOLEAN, GObject.TYPE_INT, GObject.TYPE_UINT,
                  GObject.TYPE_INT64, GObject.TYPE_UINT64, GObject.TYPE_DOUBLE, GObject.TYPE_STRV}
_REPR_TEXT_MAX = 60


def _repr_value(value):
    if isinstance(value, GObject.GEnum):
        return value.value_nick
    if isinstance(value, str) and len(value) > _REPR_TEXT_MAX:
        return repr(value[:_REPR_TEXT_MAX - 1] + "…")
    if isinstance(value, (Json.Node, Json.Object, Json.Array)):
        return repr(_json_to_python(value))
    return repr(value)


def _repr_nested(value):
    """A resource inside another, in a few characters: its name, else its id
    (<Rule 'Spanish'>), so that a RouteResult shows where the lead landed
    without printing the whole tree. None when it has neither."""
    for name in ("name", "id"):
        if value.find_property(name) is not None:
            text = value.get_property(name)
            if text:
                return "<%s %s>" % (type(value).__name__, _repr_value(text))
    return None


def _repr(self):
    """<Nexor.Lead id='…' first_name='Carlos' …>: the readable properties an
    object has, with text cut short; an input object shows the ones that are
    set, an explicit null as None."""
    is_set = getattr(self, "is_set", None)
    fields = []
    for pspec in type(self).list_properties():
        if not pspec.flags & GObject.ParamFlags.READABLE:
            continue  # the API key, for one
        if is_set is not None:
            if not is_set(pspec.name):
                continue
        elif pspec.value_type.is_a(GObject.TYPE_OBJECT) and not pspec.value_type.is_a(Gio.ListModel):
            nested = self.get_property(pspec.name)
            shown = _repr_nested(nested) if nested is not None else None
            if shown is not None:
                fields.append("%s=%s" % (pspec.name.replace("-", "_"), shown))
            continue
        elif pspec.value_type not in _SCALAR_GTYPES and not pspec.value_type.is_a(GObject.TYPE_ENUM):
            continue
        value = self.get_property(pspec.name)
        if value is None and is_set is None:
            continue
        if isinstance(value, list) and not value:
            continue
        fields.append("%s=%s" % (pspec.name.replace("-", "_"), _repr_value(value)))
    return "<Nexor.%s%s>" % (type(self).__name__, "".join(" " + f for f in fields))


# --- hand-written additions ---------------------------------------------------

def _auto_paging_iter(self, cancellable=None):
    """Yields every entry of the list, in the list's order: the ones already
    loaded, then the following pages, each fetched with the blocking
    load_more() when the loop gets to it, until has-more is False.

    `for item in the_list` alone gives only the entries loaded so far.
    Raises the error of a failed fetch (a Nexor.NexorError, or GLib.Error).
    """
    position = 0
    while True:
        while position < self.get_n_items():
            yield self.get_item(position)
            position += 1
        if not self.get_has_more():
            return
        self.load_more(cancellable)


def _auto_paging_async(self, on_item, on_done, cancellable=None):
    """The main-loop form of auto_paging_iter(): calls on_item(item) for every
    entry, in the list's order, fetching pages with load_more_async() as they are
    needed, then on_done(None) once has-more is False, or on_done(error) with
    the error of a failed fetch. Returns at once; the calls happen from the
    main loop of the thread-default main context.
    """
    position = 0

    def deliver():
        nonlocal position
        while position < self.get_n_items():
            on_item(self.get_item(position))
            position += 1
        if not self.get_has_more():
            on_done(None)
            return
        self.load_more_async(cancellable, loaded)

    def loaded(paged_list, result):
        try:
            paged_list.load_more_finish(result)
        except GLib.Error as error:
            on_done(error)
            return
        deliver()

    # Never call back from inside this call: an idle, as GIO does.
    def start():
        deliver()
        return GLib.SOURCE_REMOVE

    GLib.idle_add(start)


def _init_with_json(parent_init, json_properties):
    def __init__(self, **kwargs):
        for name in list(kwargs):
            gtype = json_properties.get(name.replace("_", "-"))
            if gtype is not None:
                kwargs[name] = _python_to_json(kwargs[name], gtype)
        parent_init(self, **kwargs)
    return __init__


def _pause_state_bool(self):
    """`if client.is_lead_paused(…):` reads the answer, as a bool would; a
    failed call raises instead of answering."""
    return self.get_paused()


_ADDITIONS = {
    "PauseState": {
        "__bool__": _pause_state_bool,
    },
}

# What makes a class a paged list, whatever its name: the methods the two
# additions call.
_PAGED_LIST_METHODS = ("get_n_items", "get_item", "get_has_more", "load_more",
                       "load_more_async", "load_more_finish")

_PAGED_LIST_ADDITIONS = {
    "auto_paging_iter": _auto_paging_iter,
    "auto_paging_async": _auto_paging_async,
}


# --- the classes --------------------------------------------------------------

def _override_namespace():
    repository = _gi.Repository.get_default()
    for info in repository.get_infos("Nexor"):
        if isinstance(info, _gi.ObjectInfo):
            base = getattr(Nexor, info.get_name())
            # Created in this module (gi.overrides.*), so PyGObject registers
            # no new GType for it: the C types are final.
            namespace = {"__repr__": _repr}
            for method in info.get_methods():
                name = method.get_name()
                func = getattr(base, name)
                wrapper = _wrap(method, func, is_method=not method.is_constructor())
                if wrapper is not None:
                    namespace[name] = wrapper if not method.is_constructor() else staticmethod(wrapper)
            json_properties = {p.name: p.value_type for p in base.list_properties()
                               if p.value_type in _JSON_GTYPES and p.flags & GObject.ParamFlags.WRITABLE}
            if json_properties:
                namespace["__init__"] = _init_with_json(base.__init__, json_properties)
            if all(hasattr(base, m) for m in _PAGED_LIST_METHODS):
                namespace.update(_PAGED_LIST_ADDITIONS)
            namespace.update(_ADDITIONS.get(info.get_name(), {}))
            cls = override(type(info.get_name(), (base,), namespace))
            globals()[info.get_name()] = cls
            __all__.append(info.get_name())
        elif isinstance(info, _gi.FunctionInfo):
            wrapper = _wrap(info, getattr(Nexor, info.get_name()), is_method=False)
            if wrapper is not None:
                globals()[info.get_name()] = wrapper
                __all__.append(info.get_name())


_override_namespace()

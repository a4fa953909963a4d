"""Reading and setting the object slots of warta's slotted dataclasses from compiled code.

A slotted dataclass keeps each field in an object slot at a fixed offset in the object; its
member descriptor knows the offset. Compiled parts that read many fields a page (the body
pass) or make many objects (the DOM walk's blocks) use the offset directly instead of going
through the descriptor. `slot_offset` reads it once, at import, and refuses (ImportError, so
that the Python code is used instead) a field that is not a plain object slot.
"""

from cpython.object cimport PyObject


cdef extern from "structmember.h":
    ctypedef struct PyMemberDef:
        int type
        Py_ssize_t offset
        int flags
    int T_OBJECT_EX
    int READONLY


cdef extern from "Python.h":
    ctypedef struct PyMemberDescrObject:
        PyMemberDef *d_member
    void Py_INCREF(PyObject *obj)


cdef extern from *:
    """
    /* What `object.__new__(cls)` does for a class without arguments: `cls`'s own allocator. */
    static PyObject *warta_slots_allocate(PyObject *cls) {
        return ((PyTypeObject *)cls)->tp_alloc((PyTypeObject *)cls, 0);
    }
    """
    object warta_slots_allocate(object cls)


cdef inline int check_plain_new(type cls) except -1:
    """Refuse (ImportError) a class whose instances `allocate` could not make as `cls.__new__(cls)`
    does: one with a `__new__` of its own, or an abstract one."""
    if cls.__new__ is not object.__new__ or getattr(cls, "__abstractmethods__", None):
        raise ImportError(f"{cls.__name__} has its own __new__: it cannot be allocated directly")
    return 0


cdef inline object allocate(type cls):
    """`cls.__new__(cls)` (`cls` checked by `check_plain_new`), without the attribute look-up and
    the call through `object.__new__`: a new instance, all slots empty, tracked by the collector
    where `cls` is, as `object.__new__` makes it (it calls the same `tp_alloc`)."""
    return warta_slots_allocate(cls)


cdef inline Py_ssize_t slot_offset(type cls, str name, bint written) except -1:
    """The offset of the object slot `name` of the slotted dataclass `cls` (ImportError if it is
    not a plain object slot, or, where `written`, not a writable one)."""
    cdef PyMemberDef *member
    descriptor = cls.__dict__.get(name)
    if name not in cls.__dataclass_fields__ or type(descriptor).__name__ != "member_descriptor":
        raise ImportError(f"{cls.__name__}.{name} is not a plain slot")
    member = (<PyMemberDescrObject *><PyObject *>descriptor).d_member
    if member.type != T_OBJECT_EX or (written and member.flags & READONLY):
        raise ImportError(f"{cls.__name__}.{name} is not a writable object slot")
    return member.offset


cdef inline object read_slot(object obj, Py_ssize_t offset):
    """The value in the slot at `offset` of `obj` (AttributeError where it is unset, as a read
    through the descriptor)."""
    cdef PyObject *value = (<PyObject **>(<char *><PyObject *>obj + offset))[0]
    if value == NULL:
        raise AttributeError("unset slot")
    return <object>value


cdef inline void set_new_slot(object made, Py_ssize_t offset, PyObject *value) noexcept:
    """Store a new reference to `value` in the (still empty) slot at `offset` of the object
    `made` has just made with `cls.__new__` (or `allocate`)."""
    Py_INCREF(value)
    (<PyObject **>(<char *><PyObject *>made + offset))[0] = value

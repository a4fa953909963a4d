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
    `made` has just made with `cls.__new__`."""
    Py_INCREF(value)
    (<PyObject **>(<char *><PyObject *>made + offset))[0] = value

"""Reads an export with Python's standard mailbox/email modules and prints what it finds as JSON lines.

usage: mailbox_check.py mbox|maildir|eml ROOT
Each line: {"place": relative file or folder, "sha": SHA-256 of the message bytes, "flags": letters, "date": epoch}
"""
import email
import email.policy
import hashlib
import json
import mailbox
import os
import re
import sys


def strip_status_pair(b):
    """Removes the Status/X-Status pair mailwarden documents as the last two header lines of each mbox message."""
    lines = b.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line in (b"\n", b"\r\n"):
            if i >= 2 and lines[i - 2].startswith(b"Status:") and lines[i - 1].startswith(b"X-Status:"):
                del lines[i - 2:i]
            break
    else:
        if len(lines) >= 2 and lines[-2].startswith(b"Status:") and lines[-1].startswith(b"X-Status:"):
            del lines[-2:]
    return b"".join(lines)


def emit(place, raw, flags, date):
    print(json.dumps({"place": place, "sha": hashlib.sha256(raw).hexdigest(), "flags": flags, "date": date},
                     ensure_ascii=False))


def mbox(root):
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".mbox"):
                continue
            path = os.path.join(dirpath, name)
            box = mailbox.mbox(path, create=False)
            for key in box.iterkeys():
                # Python reads mboxo: undo the mboxrd quoting of '>*From ' lines here
                raw = re.sub(rb"(?m)^>(>*From )", rb"\1", box.get_bytes(key))
                emit(os.path.relpath(path, root), strip_status_pair(raw), "".join(sorted(box.get_message(key).get_flags())),
                     None)


def maildir(root):
    for account in sorted(os.listdir(root)):
        top = os.path.join(root, account)
        if not os.path.isdir(top):
            continue
        box = mailbox.Maildir(top, factory=None, create=False)
        folders = [("INBOX", box)] + [(f, box.get_folder(f)) for f in sorted(box.list_folders())]
        for name, folder in folders:
            for key in sorted(folder.iterkeys()):
                msg = folder.get_message(key)
                emit(account + "/" + name, folder.get_bytes(key), msg.get_flags(), int(msg.get_date()))


def eml(root):
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".eml"):
                with open(os.path.join(dirpath, name), "rb") as f:
                    raw = f.read()
                email.message_from_bytes(raw, policy=email.policy.default)  # must parse as a message
                emit(os.path.relpath(dirpath, root), raw, "", int(os.path.getmtime(os.path.join(dirpath, name))))


{"mbox": mbox, "maildir": maildir, "eml": eml}[sys.argv[1]](sys.argv[2])

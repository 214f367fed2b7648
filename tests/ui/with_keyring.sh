#!/bin/sh
# Runs a command under a private D-Bus session bus with an unlocked gnome-keyring (the freedesktop
# Secret Service), so QtKeychain talks to a real keychain and never to the user's own.
# The login keyring is made (and unlocked) with a throwaway password in a temporary directory.
set -e
export XDG_DATA_HOME="$(mktemp -d)"
export XDG_RUNTIME_DIR="$XDG_DATA_HOME" # never the desktop session's keyring daemon
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
dbus-run-session -- sh -c 'printf replicadesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"

#!/usr/bin/env bash
# Installs what ReplicaDesk needs on Debian 12 (or newer), builds KDE ThreadWeaver for Qt 6 when no
# packaged KF6 build exists, then configures and builds the project. Safe to run again: every step
# checks first and skips what is already done.
#
#   scripts/setup.sh [--build-dir DIR] [--sanitize]
#
# Environment: RD_DEPS_PREFIX (where the ThreadWeaver build goes, default ~/.cache/replicadesk/deps),
#              RD_BUILD_TYPE (default RelWithDebInfo).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$here/build"
sanitize=OFF
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --sanitize) sanitize=ON; shift ;;
        *) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

cache_root=${XDG_CACHE_HOME:-$HOME/.cache}/replicadesk
deps_prefix=${RD_DEPS_PREFIX:-$cache_root/deps}
build_type=${RD_BUILD_TYPE:-RelWithDebInfo}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

packages=(
    build-essential cmake ninja-build pkg-config git dpkg-dev xz-utils ccache
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins libgl-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qtkeychain-qt6-dev
    libnbd-dev qemu-utils
    libnbd-bin iproute2 fio fuse3
    libssl-dev
    clang-14 libclang-rt-14-dev llvm-14
    python3-winrm wsl uuid-runtime
    extra-cmake-modules
    xvfb xauth fonts-dejavu-core adwaita-icon-theme
    desktop-file-utils appstream librsvg2-bin
    dbus dbus-x11 gnome-keyring
)

apt_updated=0
apt_update_once() {
    if [ $apt_updated -eq 0 ]; then
        as_root apt-get update -qq
        apt_updated=1
    fi
}

install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing ${missing[*]}"
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# A packaged KF6 ThreadWeaver (Debian 13 and later) is preferred to building one.
packaged_kf6_threadweaver() {
    if dpkg-query -W -f='${Status}' libkf6threadweaver-dev 2>/dev/null | grep -q 'install ok installed'; then
        return 0
    fi
    apt_update_once
    if apt-cache show libkf6threadweaver-dev >/dev/null 2>&1; then
        install_packages libkf6threadweaver-dev
        return 0
    fi
    return 1
}

has_deb_src() {
    grep -rqsE '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null && return 0
    grep -rqsE '^Types:.*deb-src' /etc/apt/sources.list.d/*.sources 2>/dev/null && return 0
    return 1
}

build_threadweaver() {
    local stamp="$deps_prefix/.threadweaver-qt6.stamp"
    if [ -f "$stamp" ]; then
        return 0
    fi
    log "Building KDE ThreadWeaver for Qt 6 from Debian's source package into $deps_prefix"
    if ! has_deb_src; then
        # Derive the deb-src entry from the suite this machine already uses.
        local suite
        suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
        log "Adding a deb-src entry for $suite (needed by apt-get source)"
        as_root tee /etc/apt/sources.list.d/replicadesk-src.sources >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
        apt_updated=0
    fi
    apt_update_once
    local work
    work=$(mktemp -d "${TMPDIR:-/tmp}/rd-threadweaver.XXXXXX")
    (cd "$work" && apt-get source --download-only threadweaver >/dev/null)
    (cd "$work" && dpkg-source -x ./threadweaver_*.dsc src >/dev/null)
    # 5.x builds its examples unconditionally (there is no BUILD_EXAMPLES switch); drop them.
    sed -i 's/^[[:space:]]*add_subdirectory(examples)/# &/' "$work/src/CMakeLists.txt"
    cmake -S "$work/src" -B "$work/build" -G Ninja \
        -DBUILD_WITH_QT6=ON -DBUILD_TESTING=OFF -DBUILD_EXAMPLES=OFF -DBUILD_QCH=OFF \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$deps_prefix" >/dev/null
    cmake --build "$work/build" -j"$(nproc)"
    cmake --install "$work/build" >/dev/null
    rm -rf "$work"
    mkdir -p "$deps_prefix"
    date -u +%FT%TZ > "$stamp"
}

install_packages "${packages[@]}"
if ! packaged_kf6_threadweaver; then
    build_threadweaver
fi

log "Configuring and building ReplicaDesk in $build_dir"
# ccache makes a rebuild of an unchanged tree (a second build directory, CI after a session) cheap.
launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$here" -B "$build_dir" -G Ninja "${launcher[@]}" \
    -DCMAKE_BUILD_TYPE="$build_type" \
    -DCMAKE_PREFIX_PATH="$deps_prefix" \
    -DRD_SANITIZE="$sanitize" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"

# Shared by Meridian's scripts: pick a JDK >= 21 and make sure the Debian packages the build needs are there.
# Source it; it changes nothing when everything is already in place.

MERIDIAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MERIDIAN_MIN_JAVA=21

log() { printf '[meridian] %s\n' "$*" >&2; }

java_major() { # $1 = a JDK home
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  printf '%s' "${v%%.*}"
}

# Exports JAVA_HOME: the caller's if it is a JDK >= 21, else the newest one under /usr/lib/jvm,
# else one installed from Debian's packages.
select_jdk() {
  local candidate best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge "$MERIDIAN_MIN_JAVA" ]; then
    export JAVA_HOME
    return
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] && [ ! -L "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge "$MERIDIAN_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless temurin-25-jdk temurin-21-jdk; do
      if apt_install_if_available "$pkg"; then
        select_jdk
        return
      fi
    done
    log "No JDK $MERIDIAN_MIN_JAVA or newer found under /usr/lib/jvm and none installable; install one and set JAVA_HOME."
    exit 1
  fi
  export JAVA_HOME=$best
}

APT_UPDATED=""
apt_install() { # installs the packages that are missing
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { log "Missing ${missing[*]} and no apt-get: install them by hand."; exit 1; }
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$APT_UPDATED" ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  log "Installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

apt_install_if_available() {
  command -v apt-get >/dev/null || return 1
  if [ -z "$APT_UPDATED" ]; then ${SUDO:-} apt-get update -qq 2>/dev/null || true; APT_UPDATED=1; fi
  apt-cache show "$1" >/dev/null 2>&1 || return 1
  apt_install "$1"
}

# What ./mvnw needs to fetch Maven itself, and what the build calls.
build_prerequisites() {
  apt_install ca-certificates curl unzip
  select_jdk
  log "Using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
}

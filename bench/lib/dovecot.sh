# Sourced by the benchmarks that need a real IMAP server: a private Dovecot instance on loopback, in a
# directory of its own (its own dovecot.conf, passed with -c); nothing of the system's Dovecot is
# configured or started. Also the small helpers around it.

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wait_port PORT: returns once something accepts connections on 127.0.0.1:PORT (fails after 20 s).
wait_port() {
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

# apt_install PACKAGE...: installs Debian packages when running as root (updating the lists once if the
# first try fails); fails when it cannot.
apt_install() {
  { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; } || return 1
  echo "installing $*..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2; }
}

# dovecot_available: whether `dovecot` is there, installing dovecot-imapd first when it is missing.
dovecot_available() {
  command -v dovecot >/dev/null 2>&1 && return 0
  apt_install dovecot-imapd || true
  command -v dovecot >/dev/null 2>&1
}

# dovecot_mail_dir DIR USER: where USER's Maildir is (INBOX there, folder F in .F/), for writing mail
# into it before the server reads it.
dovecot_mail_dir() { echo "$1/mail/$2"; }

# dovecot_start DIR PORT USER PASSWORD: starts Dovecot with everything under DIR, IMAP without TLS on
# 127.0.0.1:PORT only, one passwd-file user with a Maildir; sets server_desc. Mail processes never run
# as root: as root, the mail belongs to nobody and the login and internal services run as the users the
# package created.
dovecot_start() {
  local d=$1 port=$2 user=$3 password=$4 users
  mkdir -p "$d/run" "$d/state" "$d/mail"
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody:"$(id -gn nobody)" "$d/mail"
    users="default_login_user = dovenull
default_internal_user = dovecot
mail_uid = nobody
mail_gid = $(id -gn nobody)"
  else
    users="default_login_user = $(id -un)
default_internal_user = $(id -un)
mail_uid = $(id -un)
mail_gid = $(id -gn)"
  fi
  printf '%s:{PLAIN}%s\n' "$user" "$password" > "$d/passwd"
  chmod 644 "$d/passwd"
  cat > "$d/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $d/run
state_dir = $d/state
log_path = $d/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
$users
first_valid_uid = 1
mail_location = maildir:$d/mail/%n
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $d/passwd
}
userdb {
  driver = static
  args = home=$d/mail/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
EOF
  dovecot -c "$d/dovecot.conf"
  server_desc="Dovecot $(dovecot --version | cut -d' ' -f1)"
}

# dovecot_stop DIR: stops the instance started in DIR, if it runs, and waits for it (5 s at most).
dovecot_stop() {
  local pidfile=$1/run/master.pid
  [ -f "$pidfile" ] || return 0
  kill "$(cat "$pidfile")" 2>/dev/null || true
  for _ in $(seq 50); do [ -f "$pidfile" ] || break; sleep 0.1; done
}

#!/bin/sh
# Writes zones.txt (see zones.go) from the IANA time-zone database's tzdata.zi.
set -eu
awk '$1 == "Z" && $2 != "Factory" { print $2 } $1 == "L" { print $3 }' "${1:-/usr/share/zoneinfo/tzdata.zi}" | LC_ALL=C sort >zones.txt

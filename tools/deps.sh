#!/bin/sh
# Checks the build and test dependencies; installs the missing Debian
# packages when running as root with apt-get, else prints the command. Then
# the npm packages the tests use (ajv and friends: tests/sarif checks the
# SARIF reports, tests/schema the JSON Schema; tests/node holds Microsoft's
# SARIF multitool, the client tests/e2e/test_ci_formats.sh feeds the SARIF
# reports to), from their lock files.
set -u
cd "$(dirname "$0")/.."
missing=""
need() { # package, test command
    if ! sh -c "$2" >/dev/null 2>&1; then missing="$missing $1"; fi
}
need pkg-config     "command -v pkg-config"
need libyaml-dev    "pkg-config --exists yaml-0.1"
need libgraphviz-dev "pkg-config --exists libcgraph libgvc"
need graphviz       "command -v dot"
need libpcre2-dev   "pkg-config --exists libpcre2-8"
need libutf8proc-dev "pkg-config --exists libutf8proc"
need libjansson-dev "pkg-config --exists jansson"
need libzip-dev     "pkg-config --exists libzip"
# SHA-256 of the diagram cache (consolidate --cache)
need nettle-dev     "pkg-config --exists nettle"
need libxml2-dev    "pkg-config --exists libxml-2.0"
# the tests open what egaf document writes as its readers do: LibreOffice
# converts the DOCX to PDF, poppler reads the PDF, unzip lists the package
need libreoffice-writer "command -v soffice"
need poppler-utils  "command -v pdftotext && command -v pdfimages"
need unzip          "command -v unzip"
# glibc's Vietnamese catalogue: strerror's texts in a --lang vi run
need libc-l10n      "test -f /usr/share/locale/vi/LC_MESSAGES/libc.mo"
need libcmocka-dev  "pkg-config --exists cmocka"
need gcc            "command -v cc"
need clang          "command -v clang"
# ASan, UBSan and libFuzzer runtimes (make asan, make fuzz): only a
# recommendation of clang, so --no-install-recommends leaves them out
need libclang-rt-14-dev 'ls "$(clang -print-runtime-dir)"/libclang_rt.fuzzer-*.a'
need make           "command -v make"
need libxml2-utils  "command -v xmllint"
need cppcheck       "command -v cppcheck"
need clang-tidy     "command -v clang-tidy"
need util-linux     "command -v setpriv"
need valgrind       "command -v valgrind"
need groff          "command -v groff"
need man-db         "command -v man"
need fonts-dejavu-core "test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
need git            "command -v git"
need gettext        "command -v msgfmt && command -v xgettext && command -v msgmerge"
need nodejs         "command -v node"
need npm            "command -v npm"
# packaging (tests/e2e/test_packaging.sh): the Debian package, its checks,
# and the shells whose completions egaf installs
need dpkg-dev       "command -v dpkg-buildpackage"
need debhelper      "command -v dh"
need fakeroot       "command -v fakeroot"
need lintian        "command -v lintian"
need zsh            "command -v zsh"
need fish           "command -v fish"
# npm_deps: `npm ci` in each test folder with a package-lock.json and no
# node_modules yet (the registry is needed once; later runs find them).
npm_deps() {
    for dir in tests/sarif tests/schema tests/node; do
        [ -f "$dir/package-lock.json" ] || continue
        [ -d "$dir/node_modules" ] && continue
        echo "egaf deps: installing the npm packages of $dir (npm ci)"
        (cd "$dir" && npm ci --silent --no-audit --no-fund) >/dev/null || {
            echo "egaf deps: npm ci in $dir failed" >&2; return 1; }
        echo "egaf deps: installed in $dir/node_modules: $(cd "$dir" &&
            node -e 'console.log(Object.keys(require("./package.json").dependencies).join(" "))')"
    done
}
if [ -z "$missing" ]; then
    echo "egaf deps: all Debian packages are present"
    npm_deps
    exit
fi
echo "egaf deps: missing Debian packages:$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "egaf deps: installing them with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
        echo "egaf deps: apt-get install failed" >&2; exit 1; }
    echo "egaf deps: installed:$missing"
    npm_deps
    exit
fi
echo "egaf deps: run as root:  apt-get install$missing" >&2
exit 1

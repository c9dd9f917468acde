/* rules.c - the catalogue's entries, sorted by id (a unit test checks it). */
#include "base/rules.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"

static const egaf_rule catalogue[] = {
    {"channel.application-kind", EGAF_SEV_WARNING,
     N_("channel of a kind that cannot be an application"),
     N_("A channel of kind `counter`, `phone` or `email` names, in `application`, the "
        "application that is the channel. Only a web, mobile, kiosk or social channel (or "
        "`other`) is itself an application; a counter (bộ phận một cửa), a hotline or a mailbox "
        "is served by people who use an application."),
     N_("egaf model format (docs/model-format.md): a channel's `application` is the system that "
        "is the channel (the province's mobile app, its portal); QĐ 2323/QĐ-BTTTT places "
        "channels in the business architecture and the systems behind them in the application "
        "architecture."),
     N_("Remove `application` from the channel and name the application in the `handled-by` of "
        "the services offered there, or correct the channel's `kind`."),
     "channels:\n  - {id: mot-cua, name: Bộ phận một cửa, kind: counter, application: "
     "he-thong-tthc}\n",
     "channels:\n  - {id: mot-cua, name: Bộ phận một cửa, kind: counter}\n"},
    {"channel.application-unlinked", EGAF_SEV_WARNING,
     N_("channel and application declared twice with no link"),
     N_("A channel and an application or platform have the same name once diacritics, case and "
        "spacing are ignored, and the channel's `application` does not name it: one thing (the "
        "province's mobile app, its portal) declared twice, as a channel and as a system, "
        "with nothing saying they are the same."),
     N_("egaf model format (docs/model-format.md): a channel that is an application names it in "
        "`application`, so the diagrams, the document and the consolidation count one system."),
     N_("Add `application: <id>` to the channel, or give the two names that tell them apart."),
     "channels:\n  - {id: app-hg, name: Ứng dụng Hậu Giang, kind: mobile}\napplications:\n  - "
     "{id: hau-giang-app, name: Ứng dụng Hậu Giang}\n",
     "channels:\n  - {id: app-hg, name: Ứng dụng Hậu Giang, kind: mobile, application: "
     "hau-giang-app}\n"},
    {"code.unknown", EGAF_SEV_ERROR, N_("reference-model code not in the edition's tree"),
     N_("A `brm`, `drm`, `arm`, `trm` or `srm` code is not in the code tree of the model's "
        "framework edition. The message says when the tree is egaf's provisional one (the "
        "official BRM/ARM/TRM/SRM lists of QĐ 2323/QĐ-BTTTT are not public)."),
     N_("QĐ 2323/QĐ-BTTTT (Khung Kiến trúc CPĐT 2.0): the reference models BRM, DRM, ARM, TRM, "
        "SRM; DRM codes from the published DRM draft (Cục Tin học hóa, 5/2019)."),
     N_("Use the code the hint names, another code of the tree (reference-models/framework-*.yaml, "
        "`codes`), or leave the code out: codes are optional."),
     "arm: ARM001.009\n", "arm: ARM001.001\n"},
    {"component.missing", EGAF_SEV_ERROR, N_("required component missing"),
     N_("The framework edition requires of every ministry and province an LGSP (platform of kind "
        "`lgsp`), a TTHC system (application role `tthc`), a document system (`qlvb`), a "
        "reporting system (`bao-cao`) and infrastructure linked to the Mạng truyền số liệu chuyên "
        "dùng; the model has no element of that kind."),
     N_("TT 13/2017/TT-BTTTT Điều 17 (LGSP); QĐ 274/QĐ-TTg, QĐ 31/2021/QĐ-TTg (Cổng DVCQG); QĐ "
        "28/2018/QĐ-TTg, TT 41/2017/TT-BTTTT (Trục liên thông văn bản); NĐ 09/2019/NĐ-CP (báo "
        "cáo); framework-*.yaml `required-components`."),
     N_("Add the element (with its `kind` or `role`) and its connection to the national system."),
     "application:\n  applications:\n    - {id: mot-cua, name: Một cửa, role: tthc}\n",
     "application:\n  applications:\n    - {id: mot-cua, name: Một cửa, role: tthc}\n"
     "    - {id: qlvb, name: Quản lý văn bản, role: qlvb}\n"},
    {"component.multiple-lgsp", EGAF_SEV_WARNING, N_("more than one LGSP"),
     N_("The model has more than one platform of kind `lgsp`."),
     N_("TT 13/2017/TT-BTTTT Điều 17; TT 23/2018/TT-BTTTT: one Nền tảng tích hợp, chia sẻ dữ liệu "
        "per ministry or province."),
     N_("Merge the platforms into the one LGSP, or give the other platform its own kind "
        "(`data-warehouse`, `iam`, `other`, …)."),
     "platforms:\n  - {id: lgsp, name: LGSP, kind: lgsp}\n  - {id: lgsp-so-y-te, name: LGSP Sở Y "
     "tế, kind: lgsp}\n",
     "platforms:\n  - {id: lgsp, name: LGSP, kind: lgsp}\n  - {id: truc-y-te, name: Trục dữ liệu "
     "y tế, kind: other}\n"},
    {"component.not-connected", EGAF_SEV_ERROR, N_("required component not connected"),
     N_("The model has the required component, but none of its elements reaches every national "
        "system the framework names: platforms and infrastructure through `connects: "
        "[national:X]` (directly or through other platforms or infrastructure), applications "
        "through an integration `from: APP, to: national:X`."),
     N_("TT 13/2017/TT-BTTTT Điều 17 (LGSP → NGSP); QĐ 274/QĐ-TTg (TTHC → Cổng DVCQG); QĐ "
        "28/2018/QĐ-TTg (văn bản → Trục liên thông); NĐ 09/2019/NĐ-CP (báo cáo → Hệ thống báo cáo "
        "Chính phủ); framework-*.yaml `required-components`."),
     N_("Add the connection the hint gives."),
     "platforms:\n  - {id: lgsp, name: LGSP, kind: lgsp}\n",
     "platforms:\n  - {id: lgsp, name: LGSP, kind: lgsp, connects: [national:ngsp]}\n"},
    {"cross.coverage", EGAF_SEV_NOTE, N_("agency of the year without an architecture"),
     N_("In `egaf consolidate`: a ministry, government agency or province that exists on 31 "
        "December of `--year` (reference-models/agencies.yaml) has no architecture among the "
        "models consolidated. One note per agency, at its entry in the reference data; never an "
        "error, so a partial collection still publishes."),
     N_("NQ 17/NQ-CP: every ministry and province builds its e-Government architecture; the "
        "national architecture integrates them all."),
     N_("Collect the agency's architecture, or publish knowing it is missing."), NULL, NULL},
    {"cross.duplicate-agency", EGAF_SEV_ERROR, N_("two architectures of the same agency"),
     N_("In `egaf consolidate`: two models name the same agency (by organ code or agency id, "
        "resolved in each model's year). The finding is at the second model's `agency`, with a "
        "note at the first's."),
     N_("The national architecture integrates one architecture per ministry and province."),
     N_("Consolidate only the agency's current architecture of the year."),
     "# lang-son.yaml and lang-son-cu.yaml both have\narchitecture:\n  agency: "
     "\"000.00.00.H37\"\n",
     "# only lang-son.yaml is consolidated\n"},
    {"cross.duplicate-investment", EGAF_SEV_WARNING,
     N_("system built again where a shared one "
        "exists"),
     N_("In `egaf consolidate`, as a warning: an agency's own system (not retired) of a kind a "
        "national shared system provides to all, while that system exists in the year: a "
        "platform of kind `payment` or an application with ARM code ARM002.002 (PayGov), an "
        "application with role `xac-thuc` (VNeID), an application with role `portal` that serves "
        "online public services (Cổng Dịch vụ công quốc gia). The owner of the national system "
        "and an element that declares it (`properties: {national-id: X}`) are exempt. Notes at "
        "the national system and at the first other agency with the same duplicate. The same "
        "ARM code in several agencies is cross.shared-candidate."),
     N_("NQ 17/NQ-CP: build shared platforms once and reuse them; QĐ 274/QĐ-TTg (Cổng DVCQG), "
        "NĐ 59/2022/NĐ-CP (VNeID); duplicate investment is what national EA reviews (Korea's "
        "GEAP, the US FEA) look for."),
     N_("Use the national system through the LGSP, or explain in the element's description why "
        "the agency needs its own and waive the finding."),
     "platforms:\n  - {id: thanh-toan, name: Cổng thanh toán của tỉnh, kind: payment}\n",
     "integrations:\n  - {from: httt-tthc, to: national:paygov, via: lgsp, route: a}\n"},
    {"cross.id-clash", EGAF_SEV_ERROR, N_("two architectures with the same id"),
     N_("In `egaf consolidate`: two models have the same `architecture.id`, so `ARCH:ID` "
        "references to it are ambiguous. At the second model's id, with a note at the first's."),
     N_("egaf model format (docs/model-format.md): the architecture id is the prefix of "
        "cross-model references."),
     N_("Give each architecture its own id (normally the agency's slug)."),
     "# bac-ninh.yaml and bac-giang.yaml\narchitecture:\n  id: bac-ninh\n",
     "# bac-giang.yaml\narchitecture:\n  id: bac-giang\n"},
    {"cross.one-sided", EGAF_SEV_WARNING, N_("connection declared by one side only"),
     N_("In `egaf consolidate`: an integration of architecture A has `from` or `to` naming an "
        "element of architecture B (`B:ID`, which resolves), but B's model names nothing of A: "
        "no reference anywhere in B (integrations, `connects`, `serves`, `uses`, …) has the "
        "prefix `A:`. At A's reference, with a note at B's element."),
     N_("TT 13/2017/TT-BTTTT: a connection between two agencies' systems is agreed and operated "
        "by both; each architecture shows its side."),
     N_("Add the connection to B's model (an integration `from: ID, to: A:…`), or correct A's."),
     "# bo-tu-phap.yaml\n  - {from: httt-ho-tich, to: lang-son:sw-ho-tich}\n"
     "# lang-son.yaml: nothing names bo-tu-phap\n",
     "# lang-son.yaml\n  - {from: sw-ho-tich, to: bo-tu-phap:httt-ho-tich, via: lgsp}\n"},
    {"cross.owner-missing", EGAF_SEV_WARNING,
     N_("national system missing from its owner's "
        "architecture"),
     N_("In `egaf consolidate`: a national shared system or national database that exists in "
        "`--year` is owned (reference-models, owner of that year, unless its confidence is "
        "`unknown`) by an agency whose architecture is in the run, and no element of that "
        "architecture declares it with `properties: {national-id: X}` (a database for a "
        "national database; a platform or application for a shared system). At the owner "
        "model's `agency`, with a note at the reference entry."),
     N_("QĐ 714/QĐ-TTg and the owners in national-databases.yaml and shared-systems.yaml: the "
        "owning ministry builds and runs the national system, so its architecture shows it."),
     N_("Add the element with `properties: {national-id: X}`."),
     "databases:\n  - {id: csdl-ho-tich-dien-tu, name: CSDL hộ tịch điện tử}\n",
     "databases:\n  - {id: csdl-ho-tich-dien-tu, name: CSDL hộ tịch điện tử,\n     "
     "properties: {national-id: csdl-ho-tich}}\n"},
    {"cross.shared-candidate", EGAF_SEV_NOTE, N_("same kind of system in several agencies"),
     N_("In `egaf consolidate`: applications of two or more agencies have the same ARM code, "
        "other than the roles the framework requires of every agency (`tthc`, `qlvb`, "
        "`bao-cao`, …). One note per application after the first, with a note at the first: a "
        "candidate for one shared system."),
     N_("NQ 17/NQ-CP: shared platforms are built once and reused; duplicate investment is what "
        "national EA reviews (Korea's GEAP, the US FEA) look for."),
     N_("Consider one shared system, or say in the description why each agency needs its own."),
     NULL, NULL},
    {"cross.unresolved", EGAF_SEV_ERROR,
     N_("reference to an architecture not in the "
        "consolidation"),
     N_("In `egaf consolidate`: a reference `ARCH:ID` names an architecture that no model of the "
        "run has. `egaf validate` reports such a reference as the note ref.cross-architecture "
        "(not checked); consolidate has every architecture of the year, so it turns that rule "
        "off and reports this error instead, with a note at the closest architecture id. "
        "References to an architecture that is present but lacks the element are "
        "ref.unresolved."),
     N_("egaf model format (docs/model-format.md): `ARCH:ID` names an element of another "
        "architecture."),
     N_("Correct the prefix (the hint gives the closest id), or add that architecture."),
     "  - {from: httt-tthc, to: lang-sơn:qlvb}\n", "  - {from: httt-tthc, to: lang-son:qlvb}\n"},
    {"data.duplicate-master", EGAF_SEV_ERROR, N_("data kept without its authoritative source"),
     N_("A database `holds` a data subject (dân cư, đất đai, doanh nghiệp, hộ tịch, …) but does "
        "not take it from the national database that is its single authoritative source: "
        "`national:X` is not among its `sources` (directly or through another database of the "
        "model). The owner of that national database is exempt."),
     N_("QĐ 714/QĐ-TTg (CSDL quốc gia ưu tiên); NQ 17/NQ-CP: data is collected once and shared "
        "from the authoritative national database."),
     N_("Add the national database to `sources`."),
     "databases:\n  - {id: csdl-cong-dan, name: CSDL công dân, holds: [dan-cu]}\n",
     "databases:\n  - {id: csdl-cong-dan, name: CSDL công dân, holds: [dan-cu],\n     sources: "
     "[national:csdl-dan-cu]}\n"},
    {"data.owns-national", EGAF_SEV_ERROR,
     N_("national database declared by an agency that does "
        "not own it"),
     N_("A database declares itself a national database (`properties: {national-id: X}`) but the "
        "model's agency is not X's owner in the model's year, or X is no national database."),
     N_("QĐ 714/QĐ-TTg; the owners in national-databases.yaml: an agency may consume, not own, "
        "another agency's national database."),
     N_("Drop `national-id` and take the data from the national database with `sources: "
        "[national:X]`."),
     "databases:\n  - {id: csdl-dan-cu-tinh, name: CSDL dân cư, properties: {national-id: "
     "csdl-dan-cu}}\n",
     "databases:\n  - {id: csdl-dan-cu-tinh, name: CSDL dân cư, sources: "
     "[national:csdl-dan-cu]}\n"},
    {"header.agency-unknown", EGAF_SEV_ERROR, N_("agency unknown in the model's year"),
     N_("`architecture.agency` is neither an organ code nor an agency id of the reference models "
        "valid in the model's `year`. When it names an agency of another year, the message says "
        "what became of it (e.g. merged into its successor on 2025-07-01)."),
     N_("QĐ 20/2020/QĐ-TTg (mã định danh điện tử của cơ quan); NQ 176/2025/QH15 (ministries from "
        "2025-03-01); NQ 202/2025/QH15 (34 provinces from 2025-07-01)."),
     N_("Write the organ code or agency id valid in the year (the hint names the successor), or "
        "correct the year."),
     "agency: bac-giang\nyear: 2026\n",
     "agency: bac-ninh-2025\nyear: 2026\n"},
    {"header.framework-unknown", EGAF_SEV_ERROR, N_("unknown framework edition"),
     N_("`framework` is not an edition of the national framework in the reference models."),
     N_("QĐ 2323/QĐ-BTTTT (2.0), QĐ 2568/QĐ-BTTTT (3.0), QĐ 292/QĐ-BKHCN (4.0)."),
     N_("Write the edition the architecture follows, as a quoted string."), "framework: \"2\"\n",
     "framework: \"2.0\"\n"},
    {"header.legal-basis-framework", EGAF_SEV_NOTE,
     N_("legal basis does not cite the framework"),
     N_("The architecture's `legal-basis` lists instruments, but none cites the instrument of "
        "the framework edition the model follows (`instrument` of "
        "reference-models/framework-*.yaml: QĐ 2323/QĐ-BTTTT for 2.0, QĐ 2568/QĐ-BTTTT for 3.0, "
        "QĐ 292/QĐ-BKHCN for 4.0). Compared by the instrument's number, without case, "
        "diacritics or white space, so \"Quyết định số 2323/QĐ-BTTTT ngày 31/12/2019\" cites "
        "it. Nothing is said when `legal-basis` is absent."),
     N_("QĐ 2323/QĐ-BTTTT (Khung Kiến trúc CPĐT 2.0): a ministry's or province's architecture is "
        "built on the framework; its căn cứ pháp lý names it."),
     N_("Add the framework's instrument to `legal-basis`."),
     "framework: \"2.0\"\narchitecture:\n  legal-basis: [NQ 17/NQ-CP]\n",
     "framework: \"2.0\"\narchitecture:\n  legal-basis: [NQ 17/NQ-CP, QĐ 2323/QĐ-BTTTT]\n"},
    {"header.level-mismatch", EGAF_SEV_ERROR, N_("level does not match the agency"),
     N_("`level: province` for a ministry or government agency, or `level: ministry` for a "
        "province. Government agencies (such as BHXH Việt Nam) use `ministry`."),
     N_("QĐ 2323/QĐ-BTTTT: Kiến trúc CPĐT cấp bộ and Kiến trúc CQĐT cấp tỉnh; agencies.yaml "
        "`level`."),
     N_("Write the level of the agency."),
     "agency: \"000.00.00.G15\"   # Bộ Tư pháp\nlevel: province\n",
     "agency: \"000.00.00.G15\"\nlevel: ministry\n"},
    {"header.year-outside-edition", EGAF_SEV_ERROR, N_("year outside the framework edition"),
     N_("The model's `year` is outside the dates the framework edition was in force "
        "(`valid-from`..`valid-to` of framework-*.yaml)."),
     N_("QĐ 2323/QĐ-BTTTT (2.0, to 2023-12-28), QĐ 2568/QĐ-BTTTT (3.0, from 2023-12-29), QĐ "
        "292/QĐ-BKHCN (4.0, from 2025-03-25)."),
     N_("Follow the edition in force in the year (the hint names it), or correct the year."),
     "framework: \"2.0\"\narchitecture:\n  year: 2026\n",
     "framework: \"4.0\"\narchitecture:\n  year: 2026\n"},
    {"hosting.provider-missing", EGAF_SEV_WARNING, N_("leased or cloud hosting without a provider"),
     N_("A platform or an infrastructure element has `hosting` `leased`, `cloud`, "
        "`national-cloud` or `colocation` but no `provider`: the model does not say who "
        "provides and operates it."),
     N_("NĐ 73/2019/NĐ-CP (thuê dịch vụ công nghệ thông tin); NĐ 85/2016/NĐ-CP (the owner and "
        "the operator of an information system each have security duties): the architecture "
        "names who runs what it does not run itself."),
     N_("Add `provider:` with the telecom operator, the cloud or the national platform that "
        "provides it."),
     "infrastructure:\n  - {id: tt-du-lieu, name: Trung tâm dữ liệu, kind: data-center, "
     "hosting: leased}\n",
     "infrastructure:\n  - {id: tt-du-lieu, name: Trung tâm dữ liệu, kind: data-center, "
     "hosting: leased, provider: VNPT}\n"},
    {"hygiene.empty-section", EGAF_SEV_WARNING, N_("section without elements"),
     N_("A section key (`business`, `data`, `application`, `technology`, `security`, "
        "`implementation`) is present but holds no element, in this file and its includes."),
     N_("egaf model format (docs/model-format.md): an empty section is usually an unfinished one; "
        "QĐ 2323/QĐ-BTTTT asks for "
        "its content."),
     N_("Describe the section's elements, or remove the empty key."), "security: {}\n",
     "security:\n  controls:\n    - {id: tuong-lua, name: Tường lửa, kind: firewall}\n"},
    {"hygiene.similar-names", EGAF_SEV_WARNING,
     N_("names that differ only by diacritics, case or "
        "spacing"),
     N_("Two elements of the same kind have names that are the same once diacritics, case and "
        "spacing are ignored (\"Quản lý văn bản\" and \"Quan ly van ban\"): usually one system "
        "written twice, or a name typed without diacritics."),
     N_("egaf model format (docs/model-format.md): names are Vietnamese, written with diacritics "
        "(UTF-8)."),
     N_("Merge the two elements, or give them names that tell them apart."),
     "applications:\n  - {id: qlvb, name: Quản lý văn bản}\n  - {id: qlvb-2, name: Quan ly van "
     "ban}\n",
     "applications:\n  - {id: qlvb, name: Quản lý văn bản}\n"},
    {"hygiene.unused", EGAF_SEV_WARNING, N_("element nothing refers to"),
     N_("A database that no application uses, no integration touches and no database sources "
        "from; an infrastructure element that nothing is hosted on and nothing connects to; a "
        "channel that no service names; an actor that no service or application names. Units "
        "are not reported: an organisation chart lists units that own nothing. Elements with "
        "`status: retired` are exempt."),
     N_("egaf model format (docs/model-format.md): an element nothing refers to is usually a "
        "missing reference."),
     N_("Add the reference the message names, or remove the element."),
     "databases:\n  - {id: csdl-can-bo, name: CSDL cán bộ}\n",
     "applications:\n  - {id: nhan-su, name: Quản lý nhân sự, uses: [csdl-can-bo]}\n"},
    {"import.unmapped", EGAF_SEV_WARNING, N_("imported item has no egaf form"),
     N_("`egaf import` met an element, a relationship or a header that the egaf model format "
        "has no place for (an ArchiMate type egaf does not use, a relationship that no "
        "reference field expresses between its two elements, a file without egaf's "
        "architecture header) and left it out, or made up what it had to."),
     N_("docs/export.md, \"The way back\": the import keeps every element and relationship the "
        "mapping has a form for and says which it does not, at its line in the file, so nothing "
        "is lost silently."),
     N_("Add what was left out to the model by hand where it matters, or change it in the "
        "ArchiMate tool to a type the mapping takes (docs/export.md lists them)."),
     NULL, NULL},
    {"import.unreadable", EGAF_SEV_ERROR, N_("file cannot be imported"),
     N_("The file given to `egaf import` is not well-formed XML, not an ArchiMate exchange file "
        "(the root is not <model> in the Open Group namespace), has a document type "
        "declaration, is larger than the import reads, is not Archi's CSV layout, or holds "
        "several architectures and none was chosen with --arch."),
     N_("The import reads untrusted files: no network, no external entities, no DTD, bounded "
        "size (docs/security.md)."),
     N_("Export the model again from the tool in the Open Exchange format (Archi: File > Export "
        "> Model to Open Exchange File), or choose the architecture with --arch ID."),
     NULL, NULL},
    {"include.cycle", EGAF_SEV_ERROR, N_("include cycle"),
     N_("An included file includes, directly or through others, a file that is already being "
        "included."),
     N_("egaf model format (docs/model-format.md): an architecture is a tree of files."),
     N_("Remove the include that leads back to a file already included."),
     "# a.yaml\ninclude: [b.yaml]\n# b.yaml\ninclude: [a.yaml]\n",
     "# b.yaml holds sections only\n"},
    {"include.escape", EGAF_SEV_ERROR, N_("include outside the model's folder"),
     N_("An include path is absolute, climbs out with `..`, or resolves (through a symbolic link) "
        "outside the folder of the top-level model file."),
     N_("egaf model format (docs/model-format.md): models are submitted as a folder; egaf never "
        "reads files outside it, so a "
        "published architecture cannot pull in a server's files."),
     N_("Move the included file into the model's folder (or a subfolder) and use a relative path."),
     "include: [../../etc/passwd]\n", "include: [ung-dung/ung-dung.yaml]\n"},
    {"include.missing", EGAF_SEV_ERROR, N_("included file cannot be read"),
     N_("An included file does not exist or cannot be read."),
     N_("egaf model format (docs/model-format.md)."),
     N_("Check the path (relative to the including file) and the file's permissions."),
     "include: [du-lieu.yml]\n", "include: [du-lieu.yaml]\n"},
    {"include.not-file", EGAF_SEV_ERROR, N_("included path is not a regular file"),
     N_("An include names a folder, a FIFO, a device or a socket."),
     N_("egaf model format (docs/model-format.md): only regular files are read, so a model can "
        "never make egaf block on a "
        "pipe or read a device."),
     N_("Name a regular YAML file."), "include: [ung-dung/]\n",
     "include: [ung-dung/ung-dung.yaml]\n"},
    {"input.escape", EGAF_SEV_ERROR, N_("input is a link that leads outside its folder"),
     N_("A model given on the command line, or a *.yaml entry of a folder given, is a symbolic "
        "link whose target is outside that folder (for a file: outside the file's own folder). "
        "egaf does not read it."),
     N_("Submissions are untrusted (docs/security.md): a link in a submitted folder must not make "
        "egaf read, and the national site publish, a file of the server such as /etc/passwd. "
        "Includes follow the same rule (include.escape)."),
     N_("Copy the model into the folder instead of linking to it, or, when the link is yours and "
        "meant, run again with --follow-links."),
     NULL, NULL},
    {"input.not-file", EGAF_SEV_ERROR, N_("input is not a regular file"),
     N_("A *.yaml entry of a folder given is a FIFO, a device, a socket, a folder, or a link to "
        "one of those; egaf does not read it."),
     N_("Only regular files are read, so no input can make egaf block on a pipe or read a "
        "device; an entry that is skipped is said, never silent."),
     N_("Remove the entry from the folder, or rename it so it does not end in .yaml or .yml."),
     NULL, NULL},
    {"org.owner-unknown", EGAF_SEV_WARNING, N_("owner that names no unit and no agency"),
     N_("An element's `owner` is neither the id of a unit of `business.units`, nor an organ "
        "code (mã định danh, letters, digits and dots), nor an agency of the reference data; or "
        "it is the id of an element that is not a unit. Without reference data only the last "
        "case is reported."),
     N_("egaf model format (docs/model-format.md): `owner` is the đơn vị chủ quản, named so the "
        "site, the document and the consolidation can find it; organ codes follow QĐ "
        "20/2020/QĐ-TTg."),
     N_("Write the id of the unit (the hint names the closest one), its organ code, or the id of "
        "the agency."),
     "units:\n  - {id: so-tttt, name: Sở Thông tin và Truyền thông}\napplications:\n  - {id: "
     "qlvb, name: Quản lý văn bản, owner: so-ttt}\n",
     "units:\n  - {id: so-tttt, name: Sở Thông tin và Truyền thông}\napplications:\n  - {id: "
     "qlvb, name: Quản lý văn bản, owner: so-tttt}\n"},
    {"org.parent-cycle", EGAF_SEV_ERROR, N_("unit that is its own parent"),
     N_("Following the units' `parent` from a unit comes back to it (a unit that is its own "
        "parent, or two units each the parent of the other): the organisation chart is not a "
        "tree. Reported once per loop, at the `parent` of its first unit in the model."),
     N_("egaf model format (docs/model-format.md): `parent` is the unit a unit belongs to; the "
        "organisation of an agency is a hierarchy (NĐ 24/2014/NĐ-CP and NĐ 37/2014/NĐ-CP for "
        "the departments of a province and of a district; NĐ 123/2016/NĐ-CP for ministries)."),
     N_("Remove the `parent` of the unit at the top of the chart, or correct the one that "
        "points down."),
     "units:\n  - {id: so-tttt, name: Sở TT&TT, parent: trung-tam}\n  - {id: trung-tam, name: "
     "Trung tâm CNTT, parent: so-tttt}\n",
     "units:\n  - {id: so-tttt, name: Sở TT&TT}\n  - {id: trung-tam, name: Trung tâm CNTT, "
     "parent: so-tttt}\n"},
    {"org.relation-self", EGAF_SEV_WARNING, N_("relation from a unit to itself"),
     N_("A relation of `business.relations` has the same unit as `from` and `to`."),
     N_("egaf model format (docs/model-format.md): a business relation joins two units (the "
        "document's figures of the relations between departments)."),
     N_("Set `to` to the other unit, or remove the relation."),
     "relations:\n  - {from: so-tttt, to: so-tttt, kind: coordinates}\n",
     "relations:\n  - {from: so-tttt, to: so-noi-vu, kind: coordinates}\n"},
    {"org.unit-kind", EGAF_SEV_WARNING, N_("district or commune in a ministry's architecture"),
     N_("A unit of kind `district` or `commune` in an architecture whose `level` is `ministry`."),
     N_("Luật Tổ chức chính quyền địa phương: districts and communes are local government under "
        "the province; a ministry's units are its departments, offices and centres (NĐ "
        "123/2016/NĐ-CP)."),
     N_("Give the unit its kind in the ministry (`department`, `office`, `centre`, `other`), or "
        "move it to the province's architecture."),
     "architecture:\n  level: ministry\nbusiness:\n  units:\n    - {id: huyen-a, name: Huyện "
     "A, kind: district}\n",
     "architecture:\n  level: ministry\nbusiness:\n  units:\n    - {id: cuc-cntt, name: Cục "
     "Công nghệ thông tin, kind: department}\n"},
    {"ref.cross-architecture", EGAF_SEV_NOTE, N_("reference to another architecture not checked"),
     N_("A reference `ARCH:ID` names an element of another architecture that is not loaded in this "
        "run, so egaf cannot check it."),
     N_("egaf model format (docs/model-format.md): cross-architecture references are checked when "
        "both models are loaded "
        "(as `egaf consolidate` does)."),
     N_("Validate both architectures together (`egaf validate a.yaml b.yaml`) to check it."), NULL,
     NULL},
    {"ref.duplicate-id", EGAF_SEV_ERROR, N_("duplicate id"),
     N_("Two elements of one architecture (its top-level file and all its includes) have the same "
        "id."),
     N_("egaf model format (docs/model-format.md): references name elements by id, so ids must be "
        "unique."),
     N_("Rename one of the elements and update the references to it."),
     "applications:\n  - {id: qlvb, name: Quản lý văn bản}\n  - {id: qlvb, name: Một cửa}\n",
     "applications:\n  - {id: qlvb, name: Quản lý văn bản}\n  - {id: mot-cua, name: Một cửa}\n"},
    {"ref.unresolved", EGAF_SEV_ERROR, N_("reference does not resolve"),
     N_("A reference field names an id that no element of the architecture has, or a `national:` "
        "id "
        "that the reference models do not have."),
     N_("egaf model format (docs/model-format.md)."),
     N_("Correct the id (the hint names the closest one) or add the element."),
     "uses: [csdl-can-bo]   # no such database\n", "uses: [csdl-cbccvc]\n"},
    {"ref.wrong-kind", EGAF_SEV_ERROR, N_("reference to the wrong kind of element"),
     N_("A reference field names an element of a kind the field may not point to, such as `uses` "
        "naming an application instead of a database."),
     N_("egaf model format (docs/model-format.md): each reference field has the kinds it may point "
        "to."),
     N_("Point the field at an element of an allowed kind."),
     "uses: [mot-cua]   # an application\n", "uses: [csdl-tthc]\n"},
    {"refs.duplicate-id", EGAF_SEV_ERROR, N_("reference data: duplicate id or code"),
     N_("Two entries of the reference models share an id, or two agencies valid in the same year "
        "share an organ code."),
     N_("Reference models (docs/reference-models.md): ids are what models write after "
        "`national:` and must name one entry."),
     N_("Give each entry its own id; close the older entry with `valid-to` before the newer one "
        "starts."),
     NULL, NULL},
    {"refs.missing-source", EGAF_SEV_ERROR, N_("reference data: entry without a source"),
     N_("An entry of the reference models has no `source` (the instrument with its date, or the "
        "address of the page it comes from), cites an internal label such as S27 instead, or has "
        "no `confidence`."),
     N_("Reference models: every fact carries a citation a reader can look up, and how sure the "
        "data is of it."),
     N_("Add `source:` with the instrument and its date (or the page address), and `confidence: "
        "confirmed|reported|inferred|unknown`."),
     NULL,
     NULL},
    {"refs.schema", EGAF_SEV_ERROR, N_("reference data: malformed entry"),
     N_("A reference-model file has an unknown key, a missing key, or a value of the wrong type "
        "(a date that is not YYYY or YYYY-MM-DD, a level that is not ministry, government-agency "
        "or province)."),
     N_("Reference models (docs/reference-models.md)."),
     N_("Correct the entry as the message says."), NULL, NULL},
    {"refs.unresolved", EGAF_SEV_ERROR, N_("reference data: id that does not resolve"),
     N_("An owner, successor, data subject or required component named by a reference entry does "
        "not exist, or does not exist at the dates it is used."),
     N_("Reference models: owners and successors are agencies of the same data."),
     N_("Correct the id, or add the missing entry."), NULL, NULL},
    {"render.budget", EGAF_SEV_NOTE, N_("diagram summarised to stay readable"),
     N_("A view would draw more nodes than its budget (150), so `egaf render` grouped elements "
        "(services by their `online` level, the rest as \"và N … khác\") and said so in the "
        "legend."),
     N_("DESIGN §7: a diagram must stay readable and be laid out in seconds; Graphviz's layout "
        "time grows steeply with the number of nodes."),
     N_("Nothing to fix. To see every element, render a narrower view (integration, data, "
        "technology, security) or split the architecture into included files per domain."),
     NULL, NULL},
    {"render.graphviz", EGAF_SEV_WARNING, N_("Graphviz reported a problem"),
     N_("Graphviz printed a warning or an error while laying out or rendering the diagram "
        "(a font it could not find, a label too large, a layout it could not finish)."),
     N_("egaf draws every diagram in-process with Graphviz; its messages are findings so a CI "
        "pipeline sees them."),
     N_("Read the message; if the diagram is missing, report it with the model that caused it."),
     NULL, NULL},
    {"roadmap.dependency-cycle", EGAF_SEV_ERROR, N_("roadmap tasks depend on each other in a cycle"),
     N_("Following `depends-on` from a roadmap task leads back to it through other tasks. One "
        "finding per cycle, at the first task's item, naming the cycle (a → b → a), with a note "
        "at each of its other items (the first eight)."),
     N_("QĐ 2323/QĐ-BTTTT: the roadmap (lộ trình) orders the tasks of the implementation; a "
        "task that waits for itself can never start."),
     N_("Remove the dependency that is not real."),
     "- {id: lgsp, from: 2021, to: 2022, depends-on: [ket-noi]}\n"
     "- {id: ket-noi, from: 2022, to: 2023, depends-on: [lgsp]}\n",
     "- {id: lgsp, from: 2021, to: 2022}\n"
     "- {id: ket-noi, from: 2022, to: 2023, depends-on: [lgsp]}\n"},
    {"roadmap.dependency-order", EGAF_SEV_ERROR,
     N_("roadmap task ends before a task it depends on"),
     N_("A roadmap task's `to` is earlier than the `to` of a task its `depends-on` names: a task "
        "may not end before a task it depends on ends. At the `depends-on` item, with a note at "
        "the other task's `to`."),
     N_("QĐ 2323/QĐ-BTTTT: the roadmap (lộ trình) orders the tasks of the implementation."),
     N_("End the task later, or the task it depends on earlier."),
     "- {id: lgsp, from: 2021, to: 2023}\n- {id: ket-noi, from: 2021, to: 2022, depends-on: "
     "[lgsp]}\n",
     "- {id: lgsp, from: 2021, to: 2023}\n- {id: ket-noi, from: 2021, to: 2024, depends-on: "
     "[lgsp]}\n"},
    {"roadmap.lead-missing", EGAF_SEV_WARNING, N_("roadmap task with partners but no lead"),
     N_("A roadmap task names `partners` (đơn vị phối hợp) but no `lead` (đơn vị chủ trì). A "
        "`lead` that names no unit is ref.unresolved."),
     N_("The list of tasks of an architecture document gives each task its lead unit (chủ trì) "
        "and partner units (phối hợp)."),
     N_("Add `lead:` naming the unit of `business.units` that leads the task."),
     "- {id: lgsp, from: 2021, to: 2023, partners: [so-tai-chinh]}\n",
     "- {id: lgsp, from: 2021, to: 2023, lead: so-tttt, partners: [so-tai-chinh]}\n"},
    {"roadmap.order", EGAF_SEV_ERROR, N_("roadmap task ends before it starts"),
     N_("A roadmap task's `from` is later than its `to`."),
     N_("egaf model format (docs/model-format.md); QĐ 2323/QĐ-BTTTT: the roadmap (lộ trình) of the "
        "implementation."),
     N_("Swap `from` and `to`, or correct the year."), "- {id: lgsp, from: 2023, to: 2021}\n",
     "- {id: lgsp, from: 2021, to: 2023}\n"},
    {"roadmap.outside-period", EGAF_SEV_ERROR, N_("roadmap task outside the architecture's period"),
     N_("A roadmap task's `from` or `to` is outside the architecture's `period` (without a "
        "period: outside the model's year and the five years after it)."),
     N_("QĐ 2323/QĐ-BTTTT: Tổ chức triển khai Kiến trúc (content g); the roadmap implements the "
        "architecture of its period."),
     N_("Move the task inside the period, or widen `period`."),
     "period: {from: 2021, to: 2025}\nroadmap:\n  - {id: lgsp, from: 2024, to: 2027}\n",
     "period: {from: 2021, to: 2025}\nroadmap:\n  - {id: lgsp, from: 2024, to: 2025}\n"},
    {"roadmap.self-dependency", EGAF_SEV_ERROR, N_("roadmap task depends on itself"),
     N_("A roadmap task's `depends-on` names the task itself."),
     N_("QĐ 2323/QĐ-BTTTT: the roadmap (lộ trình) orders the tasks of the implementation."),
     N_("Remove the task's own id from `depends-on`."),
     "- {id: lgsp, from: 2021, to: 2023, depends-on: [lgsp]}\n",
     "- {id: lgsp, from: 2021, to: 2023}\n"},
    {"route.bypasses-platform", EGAF_SEV_ERROR,
     N_("connection to a national system bypasses the "
        "LGSP"),
     N_("An integration to a national system or database (`to: national:X`) with route a (or no "
        "route) has no `via` naming the model's LGSP (a platform of kind `lgsp`). Integrations "
        "from the LGSP itself are exempt."),
     N_("TT 13/2017/TT-BTTTT Điều 17: connections go through the LGSP and NGSP (case a); the "
        "other cases need a platform that is not ready."),
     N_("Add `via: <the LGSP's id>`, or give the route (b, c or d) and its reason."),
     "- {from: mot-cua, to: national:dvcqg}\n",
     "- {from: mot-cua, to: national:dvcqg, via: lgsp-lang-son, route: a}\n"},
    {"route.exception", EGAF_SEV_WARNING, N_("connection by an exception route"),
     N_("An integration uses route b, c or d (NGSP only, LGSP only, or direct) with a reason. It "
        "is allowed while a platform is not ready, and reported so it is never forgotten."),
     N_("TT 13/2017/TT-BTTTT Điều 17: cases b, c, d apply only while the LGSP or the NGSP is not "
        "ready."),
     N_("Move the connection to route a when the platform is ready, or waive the finding with the "
        "date it will be."),
     "- {from: mot-cua, to: national:dvcqg, route: d, reason: \"LGSP chưa sẵn sàng\"}\n",
     "- {from: mot-cua, to: national:dvcqg, via: lgsp-lang-son, route: a}\n"},
    {"route.reason-missing", EGAF_SEV_ERROR, N_("exception route without a reason"),
     N_("An integration uses route b, c or d (the routes the framework marks `needs-reason`) "
        "without a `reason`."),
     N_("TT 13/2017/TT-BTTTT Điều 17: cases b, c, d apply only when a platform is not ready."),
     N_("Add `reason:` (which platform is not ready, until when), or use route a."),
     "- {from: mot-cua, to: national:dvcqg, route: d}\n",
     "- {from: mot-cua, to: national:dvcqg, route: d, reason: \"LGSP chưa sẵn sàng đến "
     "2021\"}\n"},
    {"schema.enum", EGAF_SEV_ERROR, N_("value not allowed"),
     N_("A key whose values come from a fixed list has another value."),
     N_("egaf model format (docs/model-format.md)."),
     N_("Use one of the values the message lists."), "online: yes\n", "online: full\n"},
    {"schema.id-syntax", EGAF_SEV_ERROR, N_("malformed id"),
     N_("An id is not lower-case ASCII letters and digits in words joined by single hyphens "
        "(`^[a-z0-9]+(-[a-z0-9]+)*$`), or is longer than 64 characters."),
     N_("egaf model format (docs/model-format.md): ids are used in references, file names and URLs "
        "of the national site."),
     N_("Write the id without diacritics, spaces or capitals, in at most 64 characters."),
     "id: Cổng_DVC\n",
     "id: cong-dvc\n"},
    {"schema.missing-key", EGAF_SEV_ERROR, N_("required key missing"),
     N_("A map lacks a key the format requires (such as an element's `id` or `name`)."),
     N_("egaf model format (docs/model-format.md)."), N_("Add the key."), "- id: qlvb\n",
     "- id: qlvb\n  name: Quản lý văn bản\n"},
    {"schema.range", EGAF_SEV_ERROR, N_("number out of range"),
     N_("A number lies outside the range its key allows (a security level outside 1–5, a year "
        "outside 1990–2100, a priority below 1)."),
     N_("egaf model format (docs/model-format.md); security levels: Nghị định 85/2016/NĐ-CP."),
     N_("Use a value inside the range."), "security-level: 6\n", "security-level: 3\n"},
    {"schema.type", EGAF_SEV_ERROR, N_("wrong type"),
     N_("A value has the wrong type: a list where a map is expected, a map where text is expected, "
        "text where a whole number is expected."),
     N_("egaf model format (docs/model-format.md)."),
     N_("Write the value in the type the message names."), "year: hai nghìn\n", "year: 2020\n"},
    {"schema.unknown-key", EGAF_SEV_ERROR, N_("unknown key"),
     N_("A map has a key the format does not know, usually a typing mistake."),
     N_("egaf model format (docs/model-format.md): unknown keys are errors so that a misspelt key "
        "is never silently ignored."),
     N_("Correct the key (the hint names the closest known one), or move free data under "
        "`properties`."),
     "- id: qlvb\n  nmae: Quản lý văn bản\n", "- id: qlvb\n  name: Quản lý văn bản\n"},
    {"section.missing", EGAF_SEV_ERROR, N_("content of the framework missing"),
     N_("One of the seven contents every architecture has is missing: vision, goals, scope and "
        "principles in `architecture`; the business, data, application, technology and "
        "security architectures (in the top-level file or an include); the implementation. One "
        "finding per missing content (the overview diagram is generated by egaf)."),
     N_("QĐ 2323/QĐ-BTTTT (Khung Kiến trúc CPĐT 2.0): the seven basic contents (a–g) of a "
        "ministry or province architecture; kept in 3.0 and 4.0."),
     N_("Add the content the message names."),
     "architecture:\n  id: lang-son\n  name: Kiến trúc CQĐT tỉnh Lạng Sơn\n",
     "architecture:\n  id: lang-son\n  name: Kiến trúc CQĐT tỉnh Lạng Sơn\n  vision: …\n  "
     "goals: […]\n  scope: …\n  principles: […]\n"},
    {"security.level-missing", EGAF_SEV_ERROR, N_("system without a security level"),
     N_("An application or platform has no `security-level` (cấp độ an toàn hệ thống thông tin, "
        "1–5)."),
     N_("NĐ 85/2016/NĐ-CP (bảo đảm an toàn hệ thống thông tin theo cấp độ); TT 12/2022/TT-BTTTT."),
     N_("Add `security-level:` with the level of its approved dossier, or waive the finding while "
        "the dossier is being approved."),
     "- {id: mot-cua, name: Một cửa, role: tthc}\n",
     "- {id: mot-cua, name: Một cửa, role: tthc, security-level: 3}\n"},
    {"security.unprotected", EGAF_SEV_ERROR,
     N_("system at a high security level without a control"),
     N_("An application, platform, database or infrastructure element has a security level whose "
        "`needs-control` is true in the framework's data (levels 3–5) and no security control "
        "`protects` it."),
     N_("NĐ 85/2016/NĐ-CP; TT 12/2022/TT-BTTTT: systems of level 3 and above need the protective "
        "measures of their level."),
     N_("Add a control (`security: controls:`) whose `protects` names the system."),
     "controls:\n  - {id: tuong-lua, name: Tường lửa, kind: firewall, protects: [cong-ttdt]}\n",
     "controls:\n  - {id: tuong-lua, name: Tường lửa, kind: firewall, protects: [cong-ttdt, "
     "mot-cua]}\n"},
    {"solutions.missing-kind", EGAF_SEV_WARNING,
     N_("solutions lack a governance, staffing, policy or finance solution"),
     N_("The model lists `implementation.solutions`, but none of kind governance, staffing, "
        "policy or finance: one finding, at `implementation`, naming the kinds missing. A model "
        "without solutions is not told (the chapter is optional in the format)."),
     N_("QĐ 2323/QĐ-BTTTT and the guidance on building ministry and provincial architectures: "
        "chapter IX, the solutions for governance (quản trị), staffing (nhân lực), policy "
        "(chính sách) and finance (tài chính)."),
     N_("Add a solution of each kind the message names."),
     "solutions:\n  - {id: ban-chi-dao, name: Ban chỉ đạo, kind: governance}\n",
     "solutions:\n  - {id: ban-chi-dao, name: Ban chỉ đạo, kind: governance}\n"
     "  - {id: dao-tao, name: Đào tạo cán bộ CNTT, kind: staffing}\n"
     "  - {id: quy-che, name: Quy chế khai thác dữ liệu, kind: policy}\n"
     "  - {id: von, name: Bố trí vốn đầu tư công, kind: finance}\n"},
    {"standard.code-duplicate", EGAF_SEV_WARNING, N_("standard listed twice"),
     N_("Two standards of `technology.standards` have the same `code` (compared without case, "
        "diacritics or white space). At the second, with a note at the first."),
     N_("The annex of standards applied lists each standard once (TT 39/2017/TT-BTTTT and its "
        "successors)."),
     N_("Keep one and name every element it applies to in its `applies-to`."),
     "- {id: tcvn-a, name: Chữ ký số, code: TCVN 7635:2007}\n- {id: tcvn-b, name: Chữ ký số "
     "(2), code: TCVN 7635:2007}\n",
     "- {id: tcvn-a, name: Chữ ký số, code: TCVN 7635:2007, applies-to: [mot-cua, qlvb]}\n"},
    {"standard.instrument-missing", EGAF_SEV_NOTE,
     N_("standard without the instrument that makes it apply"),
     N_("A standard of `technology.standards` has no `instrument`: the document cannot say "
        "which instrument makes it apply."),
     N_("TT 39/2017/TT-BTTTT (Danh mục tiêu chuẩn kỹ thuật về ứng dụng CNTT trong cơ quan nhà "
        "nước) and its successors list the standards that apply."),
     N_("Add `instrument:` naming the instrument that lists the standard."),
     "- {id: tcvn-chu-ky-so, name: Chữ ký số, code: TCVN 7635:2007}\n",
     "- {id: tcvn-chu-ky-so, name: Chữ ký số, code: TCVN 7635:2007, instrument: TT "
     "39/2017/TT-BTTTT}\n"},
    {"target.baseline-after-target", EGAF_SEV_ERROR, N_("target's baseline after its year"),
     N_("A target's `baseline-year` is later than its `year`."),
     N_("The architecture's targets (mục tiêu, chỉ tiêu) measure a change from a baseline to a "
        "value by a year."),
     N_("Correct `baseline-year` or `year`."),
     "- {id: dvc-4, indicator: \"% DVC mức 4\", baseline: \"12%\", baseline-year: 2021, value: "
     "\"30%\", year: 2020}\n",
     "- {id: dvc-4, indicator: \"% DVC mức 4\", baseline: \"12%\", baseline-year: 2018, value: "
     "\"30%\", year: 2020}\n"},
    {"target.national-uncovered", EGAF_SEV_WARNING, N_("national target without a local target"),
     N_("The model lists `implementation.targets`, and a national target of the reference data "
        "(reference-models/national-targets.yaml) set for the model's year and level has no "
        "target with `national:` naming it. One finding per national target, at "
        "`implementation`; the architecture's waivers waive it (with the reason). Never an "
        "error: the national targets are only reported in news reports, and reference data "
        "never guesses. A model without targets is not told."),
     N_("NQ 17/NQ-CP (07/3/2019): the targets for 2019-2020 of every ministry and province; the "
        "architecture's targets serve them."),
     N_("Add a target with `national: ID` (`egaf refs list --kind national-targets`), or waive "
        "the rule in `architecture.waivers`."),
     "year: 2020\ntargets:\n  - {id: dvc-4, value: \"30%\", year: 2020}\n",
     "year: 2020\ntargets:\n  - {id: dvc-4, value: \"30%\", year: 2020, national: dvc-muc-4}\n"
     "  # … one per national target, or a waiver with its reason\n"},
    {"target.national-unknown", EGAF_SEV_ERROR, N_("target serves an unknown national target"),
     N_("A target's `national` is not the id of a national target of the reference data "
        "(reference-models/national-targets.yaml). Not checked when the reference folder has "
        "no national targets."),
     N_("egaf model format: `national` names a national target by its id in the reference data."),
     N_("Use the id the hint names, or one `egaf refs list --kind national-targets` lists."),
     "- {id: dvc-4, value: \"30%\", year: 2020, national: dvc-muc4}\n",
     "- {id: dvc-4, value: \"30%\", year: 2020, national: dvc-muc-4}\n"},
    {"target.year-outside-period", EGAF_SEV_ERROR, N_("target year outside the architecture's period"),
     N_("A target's `year` is outside the architecture's `period` (without a period: outside "
        "the model's year and the five years after it)."),
     N_("QĐ 2323/QĐ-BTTTT: the targets are those of the architecture's period."),
     N_("Set `year` inside the period, or widen `period`."),
     "period: {from: 2021, to: 2025}\ntargets:\n  - {id: dvc-4, value: \"80%\", year: 2030}\n",
     "period: {from: 2021, to: 2025}\ntargets:\n  - {id: dvc-4, value: \"80%\", year: 2025}\n"},
    {"waiver.unknown-rule", EGAF_SEV_WARNING, N_("waiver names no rule"),
     N_("A waiver's `rule` is not the id of any rule, so it waives nothing."),
     N_("egaf model format (docs/model-format.md)."), N_("Use an id that `egaf rules` lists."),
     "waivers:\n  - {rule: security.level, reason: \"…\"}\n",
     "waivers:\n  - {rule: security.level-missing, reason: \"…\"}\n"},
    {"yaml.alias", EGAF_SEV_ERROR, N_("alias cannot be expanded"),
     N_("An alias names an anchor that is not defined before it, or expanding aliases would exceed "
        "the budget of 100,000 nodes per file (a 'billion laughs' input)."),
     N_("egaf model format (docs/model-format.md): aliases are expanded under a fixed budget so no "
        "input can exhaust memory."),
     N_("Define the anchor before the alias, or write the values out."), "uses: *csdl\n",
     "uses: [csdl-dan-cu-tinh]\n"},
    {"yaml.duplicate-key", EGAF_SEV_ERROR, N_("duplicate key"),
     N_("A map has the same key twice. YAML forbids it and libyaml does not check it; the second "
        "value would silently win in many tools."),
     N_("YAML 1.2 §3.2.1.1 (mapping keys are unique)."), N_("Remove or rename one of the keys."),
     "- id: qlvb\n  name: Quản lý văn bản\n  name: QLVB\n",
     "- id: qlvb\n  name: Quản lý văn bản\n  name-en: Document management\n"},
    {"yaml.encoding", EGAF_SEV_ERROR, N_("file is not UTF-8"),
     N_("The file is UTF-16 or UTF-32, holds bytes that are not valid UTF-8, or holds control "
        "characters (such as NUL) that YAML does not allow."),
     N_("egaf model format (docs/model-format.md): models are UTF-8 so that Vietnamese names read "
        "the same everywhere."),
     N_("Save the file as UTF-8 (with or without BOM)."), NULL, NULL},
    {"yaml.limit", EGAF_SEV_ERROR, N_("file over a size limit"),
     N_("The file is larger than 16 MiB, or its collections nest deeper than 64 levels."),
     N_("egaf model format (docs/model-format.md): limits keep every run bounded in time and "
        "memory, whatever the input."),
     N_("Split the model into included files; flatten the nesting."), NULL, NULL},
    {"yaml.multiple-documents", EGAF_SEV_ERROR, N_("more than one YAML document"),
     N_("The file holds a second YAML document after `---`. A model file holds one document."),
     N_("egaf model format (docs/model-format.md)."),
     N_("Move the second document into a file of its own and include it."),
     "framework: \"2.0\"\n---\nbusiness: {}\n", "framework: \"2.0\"\ninclude: [nghiep-vu.yaml]\n"},
    {"yaml.no-document", EGAF_SEV_ERROR, N_("file holds no YAML document"),
     N_("The file is empty or holds only comments."),
     N_("egaf model format (docs/model-format.md)."),
     N_("Write the model, or remove the file from the folder."), NULL, NULL},
    {"yaml.syntax", EGAF_SEV_ERROR, N_("YAML syntax error"),
     N_("libyaml could not parse the file. Nothing after the error is checked."),
     N_("YAML 1.1/1.2 as read by libyaml."),
     N_("Fix the syntax at the position given (indentation, a missing `:` or quote)."),
     "name: \"Cổng dịch vụ công\n", "name: \"Cổng dịch vụ công\"\n"},
    {"yaml.tag", EGAF_SEV_ERROR, N_("unsupported YAML tag"),
     N_("A node has a tag other than the YAML core tags (`!!str`, `!!int`, …)."),
     N_("egaf model format (docs/model-format.md): tags would make a model mean different things "
        "in different tools."),
     N_("Remove the tag."), "name: !vn Cổng\n", "name: Cổng\n"},
};

const egaf_rule *egaf_rules(size_t *count)
{
    *count = sizeof(catalogue) / sizeof(catalogue[0]);
    return catalogue;
}

static int compare_id(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const egaf_rule *)elem)->id);
}

const egaf_rule *egaf_rule_find(const char *id)
{
    size_t n;
    const egaf_rule *all = egaf_rules(&n);
    return bsearch(id, all, n, sizeof(*all), compare_id);
}

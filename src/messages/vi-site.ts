// Những gì bantin nói về tệp cấu hình, mẫu giao diện, tệp tĩnh, thư mục kết quả và các liên kết
// trên trang sẽ đăng, bằng tiếng Việt. Cùng các mã với en-site.ts.
import type { enSite } from './en-site.js';

export const viSite: { readonly [Id in keyof typeof enSite]: (typeof enSite)[Id] } = {
  'config.invisible': (p) => `Tệp cấu hình có ký tự ẩn ${p.name}, mà trang web và bản tin RSS không được chứa. Hãy xóa nó.`,
  'config.notSettings': () => 'Tệp cấu hình phải là các mục cài đặt ("title: ..."), mỗi mục một dòng.',
  'config.unreadable': (p) => `Không đọc được tệp cấu hình: ${p.reason}`,
  'config.invisibleEscape': (p) =>
    `${p.key} có ký tự ẩn ${p.name} (viết dạng mã thoát như "\\u0001"), mà trang web và bản tin RSS không được chứa. Hãy xóa nó.`,
  'config.unknownKey': (p) => `bantin không có mục cài đặt ${p.key}; hãy kiểm tra lại chính tả.`,
  'config.type': (p) => `${p.key} đang là ${p.value}, nhưng phải là ${p.expected}.`,
  'config.enum': (p) => `${p.key} đang là ${p.value}, nhưng chỉ được là một trong các giá trị ${p.allowed}.`,
  'config.minimum': (p) => `${p.key} đang là ${p.value}, nhưng phải từ ${p.limit} trở lên.`,
  'config.emptyText': (p) => `${p.key} đang để trống; hãy điền giá trị hoặc xóa dòng này.`,
  'config.pattern': (p) => `${p.key} đang là ${p.value}, không đúng dạng bantin cần; xem ví dụ trong README.`,
  'config.other': (p) => `${p.key} đang là ${p.value}, không hợp lệ (${p.reason}).`,
  'config.timeZone': (p) => `timeZone ${p.value} không phải là múi giờ; hãy dùng tên IANA như "Asia/Ho_Chi_Minh".`,
  'config.noBaseUrl': (p) =>
    `${p.file} chưa có baseUrl: bản tin RSS, sơ đồ trang (sitemap) và liên kết chuẩn cần địa chỉ của trang (ví dụ "baseUrl: https://example.gov.vn/") nên đã được bỏ qua.`,
  'type.string': () => 'chữ',
  'type.boolean': () => 'true hoặc false',
  'type.integer': () => 'một số nguyên',
  'type.number': () => 'một số',
  'type.object': () => 'một nhóm mục cài đặt',
  'type.array': () => 'một danh sách',

  'template.missing': (p) => `Thư mục mẫu giao diện thiếu mẫu "${p.name}".`,
  'template.error': (p) => `Lỗi trong mẫu giao diện: ${p.detail}`,

  'static.outside': (p) => `Đây là liên kết đến một ${p.kind} nằm ngoài thư mục static; bantin chỉ sao chép các tệp bên trong thư mục đó.`,
  'static.badName': (p) => `Không dùng được tên tệp này: ${p.problem}. Hãy đổi tên tệp.`,
  'static.clashArticle': (p) =>
    `Tệp này sẽ được ghi vào ${p.output}, là chỗ của trang bài viết ${p.article}. Hãy đổi tên hoặc chuyển tệp trong thư mục static, hoặc đặt cho bài một "slug:" khác.`,
  'static.clashTheme': (p) =>
    `Tệp này sẽ được ghi vào ${p.output}, là chỗ của tệp giao diện ${p.theme}. Hãy đổi tên hoặc chuyển tệp trong thư mục static.`,
  'static.clashPage': (p) =>
    `Tệp này sẽ được ghi vào ${p.output}, là chỗ của một trang do bantin tạo. Hãy đổi tên hoặc chuyển tệp trong thư mục static.`,

  'output.unsafePath': (p) => `bantin không ghi tệp ${p.path}: đường dẫn ${p.problem}, nên tệp có thể nằm ngoài thư mục kết quả.`,
  'output.refuse': (p) => `bantin không ghi trang vào ${p.dir}: ${p.why} ${p.todo}`,
  'output.todo': () => 'Hãy chọn thư mục khác bằng --out.',
  'output.todoForeign': () => 'Hãy chọn thư mục khác bằng --out, hoặc chuyển những gì bạn giữ ở đó đi nơi khác trước.',
  'output.isFile': () => 'đó là một tệp, không phải thư mục.',
  'output.isRoot': () => 'đó là thư mục gốc của hệ thống tệp.',
  'output.isHome': () => 'đó là thư mục cá nhân của bạn.',
  'output.holdsHome': () => 'thư mục cá nhân của bạn nằm trong đó và sẽ bị xóa.',
  'output.isSite': () => 'đó chính là thư mục của trang.',
  'output.holdsSite': () => 'thư mục của trang nằm trong đó và sẽ bị xóa.',
  'output.isFolder': (p) => `đó là thư mục ${p.name}.`,
  'output.holdsFolder': (p) => `thư mục ${p.name} ${p.dir} nằm trong đó và sẽ bị xóa.`,
  'output.inFolder': (p) => `nó nằm trong thư mục ${p.name}.`,
  'output.isKept': (p) => `đó là thư mục ${p.name} của trang, mà lệnh dựng trang sẽ thay thế.`,
  'output.inKept': (p) => `nó nằm trong thư mục ${p.name} của trang.`,
  'output.neverInside': (p) => `nó nằm trong một thư mục ${p.name}, không bao giờ là chỗ để trang.`,
  'output.foreign': (p) => `trong đó có ${p.what} không do bantin ghi, mà lệnh dựng trang thay thế cả thư mục.`,
  'output.foreignGit': () => 'một kho git (.git)',
  'output.foreignFiles': (p) => `các tệp như ${p.names}`,
  'lock.busy': (p) =>
    `Một lệnh dựng trang bantin khác (${p.who}) đang ghi trang vào thư mục này. Hãy đợi nó xong rồi dựng lại. Nếu không có lệnh nào đang chạy, hãy xóa tệp khóa ${p.path}.`,
  'lock.process': (p) => `tiến trình ${p.pid}${p.host ? ` trên máy ${p.host}` : ''}, bắt đầu lúc ${p.started}`,
  'lock.unknown': () => 'một tiến trình khác',

  'disk.failed': (p) => `Không dựng được trang: ${p.cause} (${p.code}) khi ${p.doing}. ${p.outcome}${p.advice}`,
  'disk.unchanged': (p) => `Trang cũ trong ${p.dir} vẫn giữ nguyên.`,
  'disk.partly': (p) => `Một số trang trong ${p.dir} có thể đã là bản mới; lần dựng sau sẽ dựng lại toàn bộ trang.`,
  'disk.adviceSpace': () => ' Hãy giải phóng dung lượng rồi dựng lại.',
  'disk.advicePermission': () => ' Hãy kiểm tra bạn có quyền ghi vào thư mục đó và thư mục chứa nó.',
  'disk.none': () => '',
  'disk.ENOSPC': () => 'ổ đĩa đã đầy',
  'disk.EDQUOT': () => 'đã dùng hết hạn mức dung lượng của bạn',
  'disk.EACCES': () => 'không có quyền truy cập',
  'disk.EPERM': () => 'thao tác không được phép',
  'disk.EROFS': () => 'hệ thống tệp chỉ cho đọc',
  'disk.ENAMETOOLONG': () => 'một tên tệp quá dài đối với hệ thống tệp',
  'disk.EIO': () => 'ổ đĩa báo lỗi đọc/ghi',
  'disk.EMFILE': () => 'có quá nhiều tệp đang mở',
  'disk.ENFILE': () => 'hệ thống có quá nhiều tệp đang mở',
  'disk.ENOTDIR': () => 'một phần của đường dẫn là tệp, không phải thư mục',
  'disk.EISDIR': () => 'một thư mục nằm ở chỗ của một tệp',
  'disk.EBUSY': () => 'một tệp hoặc thư mục đang được chương trình khác dùng',
  'disk.EXDEV': () => 'các thư mục nằm trên những hệ thống tệp khác nhau',
  'doing.writing': (p) => `ghi ${p.path}`,
  'doing.asideOld': () => 'chuyển trang cũ sang một bên',
  'doing.placeNew': () => 'đưa trang mới vào chỗ',
  'doing.replacing': () => 'thay các trang đã thay đổi',
  'doing.creatingParent': () => 'tạo thư mục chứa trang',
  'doing.locking': () => 'khóa thư mục kết quả',
  'doing.recovering': () => 'dọn những gì lần dựng bị ngắt để lại',
  'doing.staging': () => 'tạo thư mục tạm',

  'check.noText': () => 'Bài viết chưa có nội dung: hãy viết bên dưới phần đầu bài (sau dòng "---" thứ hai).',
  'check.summaryLong': (p) =>
    `Phần tóm tắt (summary) dài ${p.length} ký tự; hãy viết ngắn hơn ${p.limit} ký tự để đọc như một đoạn sapo và không bị cắt trong kết quả tìm kiếm. Chuyển phần còn lại vào nội dung bài.`,
  'check.linkUnpublished': (p) => `Liên kết ${p.link} dẫn đến ${p.file}, là ${p.why}; khi bài đó chưa đăng thì liên kết không dẫn đến đâu.`,
  'check.draft': () => 'một bản nháp',
  'check.scheduled': (p) => `bài hẹn giờ đăng lúc ${p.when}`,
  'check.linkMarkdown': (p) =>
    `Liên kết ${p.link} trỏ đến tệp Markdown của bài "${p.title}", mà tệp này không được đăng nguyên dạng. Hãy liên kết đến địa chỉ của bài: "${p.url}".`,
  'check.besideArticle': (p) =>
    `${capital(p.what)} ${p.link} là tệp nằm cạnh bài viết trong thư mục bài viết, nên không được đăng. Hãy chuyển tệp vào static/ (ví dụ static/${p.suggested}) và viết địa chỉ tính từ trang của bài: "${p.url}".`,
  'check.image': () => 'ảnh',
  'check.link': () => 'liên kết',
  'check.imageMissing': (p) => `Không có ảnh ${p.link}: trang sẽ tìm tệp static/${p.path}. Hãy đặt tệp vào đó, hoặc sửa lại địa chỉ.`,
  'check.linkNowhere': (p) => `Liên kết ${p.link} không dẫn đến đâu: không có trang ${p.path}.${p.suggestion}`,
  'check.home': () => '(trang chủ)',
  'check.didYouMean': (p) => ` Có phải bạn muốn viết "${p.url}" (${p.title})?`,
  'check.noSuggestion': () => '',

  'import.nothingThere': () => 'Ở đây không có tệp hay thư mục nào để nhập.',
  'import.outside': () => 'Bài này sẽ được ghi ra ngoài thư mục bài viết; chưa ghi gì cả.',
  'import.linkOutside': () => 'Thư mục của bài này là liên kết ra ngoài thư mục bài viết; chưa ghi gì cả.',
  'import.exists': () => 'Đã có một tệp cùng tên; bantin không ghi đè. Chưa ghi gì cả.',
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

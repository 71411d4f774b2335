// Những gì dòng lệnh nói: tóm tắt, lỗi gõ lệnh, tiến độ và trợ giúp, bằng tiếng Việt. Cùng các mã với en-cli.ts.
import type { enCli } from './en-cli.js';

const SITE_OPTIONS = `  --content <dir>     Thư mục bài viết Markdown (mặc định: content)
  --templates <dir>   Thư mục mẫu giao diện Nunjucks (mặc định: templates, hoặc mẫu của bantin)
  --root <dir>        Thư mục của trang, các đường dẫn khác tính từ đây (mặc định: thư mục hiện tại)`;
const LANG_OPTION = '  --lang vi|en        Ngôn ngữ của thông báo (mặc định: ngôn ngữ của trang)';

export const viCli: { readonly [Id in keyof typeof enCli]: (typeof enCli)[Id] } = {
  'cli.problems': (p) => `Có ${p.count} lỗi`,
  'cli.unchanged': () => 'chưa ghi gì cả, trang đã dựng lần trước vẫn giữ nguyên.',
  'cli.stopped': (p) => `bantin: đã dừng bởi ${p.signal}; chưa ghi gì cả, trang đã dựng lần trước vẫn giữ nguyên.`,
  'cli.warning': () => 'cảnh báo:',
  // "1.25 s" is written "1,25 giây" in Vietnamese.
  'cli.built': (p) =>
    `Đã dựng ${p.articles} bài thành ${p.pages} trang (${p.files} tệp) vào ${p.where}/ trong ${p.duration.replace(/(\d)\.(\d)/, '$1,$2').replace(/ s$/, ' giây')}.`,
  'cli.keptAll': (p) => `Không có gì thay đổi từ lần dựng trước: ${p.files} tệp trong ${p.where}/ được giữ nguyên.`,
  'cli.keptSome': (p) => `${p.again} trong ${p.files} tệp được ghi lại; các tệp khác được giữ nguyên.`,
  'cli.scheduled': (p) =>
    `${p.count} bài hẹn giờ chưa được đăng; bài tiếp theo đến giờ đăng lúc ${p.next}. Khi đó hãy dựng lại trang để đăng bài.`,
  'cli.unknownCommand': (p) => `bantin: không có lệnh "${p.command}". Chạy "bantin --help" để xem các lệnh.`,
  'cli.threads': (p) => `bantin: --threads nhận một số nguyên từ 1 đến 64, không phải "${p.value}".`,
  'cli.lang': (p) => `${p.command}: --lang là "vi" hoặc "en", không phải "${p.value}".`,
  'progress.render': (p) => `Đang tạo trang… ${p.done} trang`,
  'progress.copy': (p) => `Đang sao chép tệp tĩnh… ${p.done}/${p.total}`,

  'usage.unknownOption': (p) => `không có tùy chọn ${p.option}.`,
  'usage.needsValue': (p) => `${p.option} cần một giá trị.`,
  'usage.takesNoValue': (p) => `${p.option} không nhận giá trị.`,
  'usage.other': (p) => p.detail,
  'usage.mistake': (p) => `${p.command}: ${p.mistake} Chạy "${p.command} --help" để xem các tùy chọn.`,
  'usage.unexpected': (p) =>
    `${p.command}: không hiểu "${p.argument}": lệnh này chỉ nhận tùy chọn. Chạy "${p.command} --help" để xem các tùy chọn.`,

  'check.format': (p) => `bantin check: --format là "text" hoặc "json", không phải "${p.value}". Chạy "bantin check --help" để xem các tùy chọn.`,
  'check.summary': (p) => `Đã kiểm tra ${p.articles} bài trong ${p.ms} ms: ${p.counts}.`,
  'check.errors': (p) => `${p.count} lỗi`,
  'check.warnings': (p) => `${p.count} cảnh báo`,
  'check.none': () => 'không có vấn đề gì',
  'severity.error': () => 'lỗi',
  'severity.warning': () => 'cảnh báo',

  'new.exists': () => 'Bài này đã có; bantin không ghi đè. Hãy mở tệp để viết tiếp, hoặc chọn tiêu đề khác.',
  'new.noTitle': () => 'bantin new: bài viết cần có tiêu đề.\nCách dùng: bantin new "Tiêu đề bài viết" [--author <tên>] [--category <chuyên mục>] [--draft] | bantin new --page "Giới thiệu"',
  'new.noAuthor': (p) =>
    'bantin new: bài viết chưa có tác giả, mà lệnh dựng trang cần có. Hãy điền "author:" trong tệp, ' +
    'hoặc ghi bằng --author "Tên tác giả", hoặc đặt tác giả chung cho mọi bài bằng dòng ' +
    `"defaultAuthor: Ban Biên tập" trong ${p.file}.`,

  'help.usage': () => 'Cách dùng:',
  'help.options': () => 'Tùy chọn:',
  'help.optionsFor': (p) => `Tùy chọn của ${p.command}:`,
  'help.help': () => '  --help, -h          Xem trợ giúp này',
  'help.title': () => 'bantin: công cụ tạo trang tĩnh cho bản tin',
  'help.commandHelp': () => 'Xem trợ giúp của một lệnh',
  'help.version': () => 'Xem phiên bản',
  'help.build.summary': () => 'Dựng trang từ content/ vào dist/',
  'help.build.options': () => `${SITE_OPTIONS}
  --out <dir>         Thư mục chứa trang đã dựng (mặc định: dist); không dùng thư mục có tệp khác
  --drafts            Đưa cả các bài có "draft: true" (bản nháp)
  --future            Đưa cả các bài hẹn giờ đăng (bình thường được giữ lại đến giờ đăng)
  --quiet, -q         Chỉ in lỗi
  --threads <n>       Tạo trang trên n luồng khi có nhiều trang (mặc định: số lõi máy, tối đa 2;
                      1 là chỉ dùng một luồng)
  --no-cache          Dựng lại tất cả, không dùng .bantin-cache/ (thư mục giúp lần dựng sau
                      chỉ tạo lại những gì đã thay đổi)
${LANG_OPTION}`,
  'help.build.notes': () => `Mã thoát: 0 đã dựng xong, 1 có lỗi trong bài viết, tệp cấu hình hoặc mẫu giao diện, 2 gõ lệnh sai,
130 dừng bằng Ctrl-C (trang cũ vẫn giữ nguyên).`,
  'help.build.usage': () => 'bantin build [tùy chọn]',
  'help.check.usage': () => 'bantin check [tùy chọn]',
  'help.dev.usage': () => 'bantin dev [tùy chọn]',
  'help.new.usage': () => 'bantin new "Tiêu đề" [tùy chọn]',
  'help.new.summary': () => 'Bắt đầu một bài: content/<năm>/<tháng>/<slug>.md, ghi ngày giờ hiện tại',
  'help.new.options': () => `  --author <tên>      Tác giả (mặc định: defaultAuthor trong bantin.yaml)
  --category <tên>    Chuyên mục, ví dụ "Thời sự"
  --draft             Đánh dấu bài là bản nháp ("draft: true")
  --page              Thay vào đó, tạo một trang riêng: pages/<slug>.md (Giới thiệu, Liên hệ)
  --content <dir>, --root <dir>   Như với bantin build
  --quiet, -q         Không in gì (bình thường in đường dẫn của tệp mới)
${LANG_OPTION}`,
  'help.new.notes': () => 'Không bao giờ ghi đè tệp đã có.',
  'help.check.summary': () => 'Kiểm tra bài viết, liên kết, ảnh và cấu hình; không ghi gì',
  'help.check.options': () => `${SITE_OPTIONS}
  --out <dir>         Thư mục trang đã dựng để so địa chỉ (mặc định: dist)
  --format json       In các vấn đề dạng JSON, cho công cụ khác (mặc định: text)
  --quiet, -q         Chỉ in lỗi
${LANG_OPTION}`,
  'help.check.notes': () => 'Mã thoát: 1 khi có lỗi, ngược lại 0 (chỉ có cảnh báo thì không tính là hỏng); 2 gõ lệnh sai.',
  'help.import.usage': () => 'bantin import TỆP|THƯ-MỤC... [tùy chọn]',
  'help.import.summary': () => 'Đưa bản tin của cổng thông tin cũ (bản chép chữ, trang đã lưu) vào content/',
  'help.import.about': () => `Chuyển bản tin của cổng thông tin cũ thành bài viết: bản chép chữ của trang (.txt) và trang đã
lưu từ trình duyệt (.html, .htm), hoặc thư mục chứa chúng. Mỗi bản tin thành
content/<năm>/<tháng>/<slug>.md với tiêu đề, ngày, tác giả, sapo và nội dung; bản tin đã có
(đã nhập trước đó, hoặc cùng tiêu đề và ngày) được giữ nguyên.`,
  'help.import.options': () => `  --dry-run           Liệt kê những gì sẽ ghi; không ghi gì
  --content <dir>, --root <dir>   Như với bantin build
${LANG_OPTION}`,
  'help.import.notes': () => `Mã thoát: 0 mọi bản tin đã có trong thư mục bài viết, 1 có bản tin bị bỏ qua (báo cáo ghi lý do,
kèm tệp và dòng), 2 gõ lệnh sai.`,
  'help.dev.summary': (p) => `Xem trước trang tại http://127.0.0.1:${p.port}/, tự tải lại khi có thay đổi`,
  'help.dev.options': (p) => `  --port <n>          Cổng để nghe (mặc định ${p.port}, hoặc cổng trống tiếp theo)
  --host <address>    Địa chỉ để nghe (mặc định 127.0.0.1; 0.0.0.0 cho các máy khác trong
                      mạng của bạn xem được)
  --content <dir>, --templates <dir>, --root <dir>   Như với bantin build
${LANG_OPTION}`,
  'help.dev.notes': () => `Hiện cả bản nháp (ghi "Bản nháp") và bài hẹn giờ. Không ghi gì ra đĩa. Dừng bằng Ctrl-C.
Chỉ trả lời ở địa chỉ của chính nó (với 0.0.0.0: các địa chỉ và tên của máy này), nên trang web
ở nơi khác không đọc được bản nháp; --host <tên> cho nó trả lời ở một tên của riêng bạn.`,
};

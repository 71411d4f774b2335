// Những gì bantin nói về bài viết, phần đầu bài (front-matter), ngày tháng và địa chỉ, bằng tiếng Việt.
// Cùng các mã (id) với en-content.ts; tên trường (title, date...) giữ nguyên vì người biên tập gõ đúng như vậy.
import type { enContent } from './en-content.js';

const PERMALINK_EXAMPLES = 'ví dụ "/:slug/" hoặc "/:year/:month/:slug/"';

export const viContent: { readonly [Id in keyof typeof enContent]: (typeof enContent)[Id] } = {
  'word.frontMatter': () => 'phần đầu bài (front-matter)',
  'word.configuration': () => 'tệp cấu hình',
  'word.file': () => 'tệp',
  'word.folder': () => 'thư mục',

  'yaml.tooDeep': (p) => `Trong ${p.what}, các danh sách hoặc nhóm lồng vào nhau quá nhiều tầng nên không đọc được. Hãy viết lại với ít tầng hơn.`,
  'yaml.aliases': (p) => `Trong ${p.what} có quá nhiều bí danh YAML (*tên): hơn ${p.max}. Hãy viết đầy đủ các giá trị.`,
  'yaml.invalid': (p) => `${capital(p.what)} viết sai cú pháp YAML: ${p.reason}.`,
  'yamlReason.indentation': () => 'dòng này thụt lề không khớp với các dòng trên; các trường cùng cấp phải thẳng cột, và sau dấu hai chấm cần một khoảng trắng',
  'yamlReason.duplicateKey': () => 'một trường được viết hai lần; hãy xóa một dòng',
  'yamlReason.unclosedQuote': () => 'một dấu ngoặc kép mở mà không đóng; hãy thêm dấu ngoặc kép ở cuối giá trị',
  'yamlReason.unclosedList': () => 'một danh sách [ ... ] chưa đóng hoặc thiếu dấu phẩy giữa các mục',
  'yamlReason.missingColon': () => 'dòng này không có dạng "tên: giá trị"; có thể thiếu dấu hai chấm, hoặc giá trị có dấu hai chấm thì cần đặt trong ngoặc kép',
  'yamlReason.unknownTag': () => 'có thẻ "!" mà bantin không đọc; nếu đó là chữ thì hãy đặt giá trị trong ngoặc kép',
  'yamlReason.other': (p) => `lỗi của bộ đọc YAML: "${p.reason}"`,

  'frontMatter.missing': () =>
    'Bài viết chưa có phần đầu bài (front-matter). Hãy bắt đầu tệp bằng một dòng "---", rồi các dòng "title:", "date:" và các trường khác, rồi thêm một dòng "---".',
  'frontMatter.code': (p) =>
    `Phần đầu bài viết bằng ${p.language} là mã chương trình, và bantin không bao giờ chạy mã trong bài viết. Hãy viết phần đầu bài bằng YAML (dòng đầu tiên chỉ có "---").`,
  'frontMatter.notYaml': (p) => `bantin chỉ đọc phần đầu bài viết bằng YAML, không đọc ${p.language}. Hãy để dòng đầu tiên chỉ có "---".`,
  'frontMatter.unclosed': () => 'Phần đầu bài chưa được đóng: hãy thêm một dòng "---" sau trường cuối cùng, trước nội dung bài.',
  'frontMatter.notFields': () => 'Phần đầu bài phải là các trường ("title: ...", "date: ..."), mỗi trường một dòng.',
  'frontMatter.invisibleEscape': (p) =>
    `Giá trị của ${p.key} có ký tự ẩn ${p.name} (viết dạng mã thoát như "\\u0001"), mà trang web không được chứa. Hãy xóa nó.`,

  'file.empty': () => 'Tệp trống. Một bài viết cần có phần đầu bài (title, date, author) và nội dung.',
  'file.notUtf8': () => 'Tệp không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (trong hầu hết trình soạn thảo: "Save with encoding" > UTF-8).',
  'file.nul': () => 'Tệp có byte NUL; có vẻ đây là tệp nhị phân, không phải bài viết.',
  'file.invisible': (p) =>
    `Tệp có ký tự ẩn ${p.name}, mà trang web không được chứa. Hãy xóa nó (ký tự này thường đi kèm khi dán chữ sao chép từ chương trình khác).`,
  'file.unreadable': (p) => `Không đọc được tệp: ${p.reason}.`,
  'file.changed': () => 'Tệp đã thay đổi trong lúc đang dựng trang. Hãy chạy lại lệnh dựng trang.',
  'file.badName': (p) => `Không dùng được tên tệp này: ${p.problem}. Hãy đổi tên tệp, chỉ dùng chữ cái, chữ số và dấu gạch ngang.`,
  'content.missing': () => 'Không có thư mục bài viết. Hãy tạo thư mục đó, hoặc chỉ đến thư mục của bạn bằng --content.',
  'link.missing': () => 'Đây là liên kết đến một tệp không tồn tại.',
  'link.outsideContent': (p) => `Đây là liên kết đến một ${p.kind} nằm ngoài thư mục bài viết; bantin chỉ dựng các tệp bên trong thư mục đó.`,

  'field.missing': (p) => `Bài viết chưa có ${p.field}. Hãy thêm một dòng "${p.field}: ..." vào phần đầu bài.`,
  'field.missingDate': (p) => `Bài viết chưa có ${p.field}. Hãy thêm một dòng như "${p.field}: 2020-09-08".`,
  'field.type': (p) => `${p.field} phải là ${p.expected}, nhưng đang là ${p.actual}.`,
  'field.typeText': (p) => `${p.field} phải là ${p.expected}, nhưng đang là ${p.actual}. Nếu đó là chữ, hãy đặt giá trị trong ngoặc kép.`,
  'field.empty': (p) => `${p.field} đang để trống.`,
  'expected.text': () => 'chữ',
  'expected.date': () => 'một ngày như 2020-09-08 hoặc 08/09/2020',
  'expected.tags': () => 'một danh sách như [kinh tế, nông nghiệp] hoặc các từ cách nhau bằng dấu phẩy',
  'expected.flag': () => 'true hoặc false',
  'value.list': () => 'một danh sách',
  'value.group': () => 'một nhóm trường',
  'value.flag': (p) => `${p.value} (true/false)`,
  'value.number': (p) => `số ${p.value}`,
  'value.text': (p) => p.value,

  'date.month': (p) => `${p.source} có tháng ${p.month}; tháng chỉ từ 1 đến 12.`,
  'date.day': (p) => `${p.source} không phải là ngày có thật: tháng ${p.month} năm ${p.year} chỉ có ${p.days} ngày.`,
  'date.time': (p) => `${p.source} có giờ không thể có.`,
  'date.offset': (p) => `${p.source} có độ lệch múi giờ so với UTC không thể có.`,
  'date.unknown': (p) => `bantin không đọc được ngày ${p.source}. Hãy viết như 2020-09-08, 2020-09-08T14:30:00+07:00 hoặc 08/09/2020.`,

  'slug.empty': () => 'slug đang để trống.',
  'slug.long': (p) => `slug dài ${p.length} ký tự; hãy viết ngắn hơn ${p.max} ký tự, vài từ là đủ.`,
  'slug.leaves': (p) => `slug "${p.slug}" sẽ đi ra ngoài thư mục trang; slug là một từ như "tin-moi", không có "/", "\\", ".." hay "%".`,
  'slug.characters': (p) =>
    `slug "${p.slug}" có ký tự không dùng được trong địa chỉ; chỉ dùng chữ thường a-z không dấu, chữ số và dấu gạch ngang, ví dụ "${p.example}".`,

  'permalink.invisible': (p) => `permalink ${p.shown} có ký tự ẩn U+${p.code}; hãy viết mẫu chỉ bằng ký tự nhìn thấy được, ${PERMALINK_EXAMPLES}.`,
  'permalink.backslash': (p) => `permalink ${p.shown} có dấu gạch chéo ngược "\\"; hãy ngăn các phần bằng "/", ${PERMALINK_EXAMPLES}.`,
  'permalink.percent': (p) => `permalink ${p.shown} có mã "%"; hãy viết thẳng các ký tự, ${PERMALINK_EXAMPLES}.`,
  'permalink.query': (p) => `permalink ${p.shown} có "?" hoặc "#", là những ký tự kết thúc đường dẫn; chỉ dùng tên và các mục như :slug, ${PERMALINK_EXAMPLES}.`,
  'permalink.slashes': (p) => `permalink ${p.shown} phải bắt đầu và kết thúc bằng "/" và không có phần trống; hãy viết một đường dẫn trong trang, ${PERMALINK_EXAMPLES}.`,
  'permalink.dots': (p) => `permalink ${p.shown} có phần "." hoặc "..", sẽ đặt trang ra ngoài thư mục trang; hãy viết một đường dẫn trong trang, ${PERMALINK_EXAMPLES}.`,
  'permalink.noSlug': (p) => `permalink ${p.shown} không có phần :slug nên hai bài sẽ trùng một địa chỉ. Hãy viết ${PERMALINK_EXAMPLES}.`,
  'permalink.unknown': (p) => `permalink ${p.shown} dùng ${p.token} mà bantin không biết; hãy dùng :year, :month, :day, :slug hoặc :section.`,

  'path.empty': () => 'đường dẫn trống',
  'path.control': () => 'có ký tự điều khiển',
  'path.backslash': () => 'có dấu gạch chéo ngược "\\"',
  'path.absolute': () => 'là đường dẫn tuyệt đối',
  'path.dots': () => 'có phần ".." hoặc "."',
  'path.emptyPart': () => 'có phần trống ("//" hoặc "/" ở đầu hay cuối)',

  'markdown.entity': (p) => `Mã ${p.entity} là ký tự ẩn ${p.name}, mà trang web và bản tin RSS không được chứa. Hãy xóa nó.`,
  'markdown.titleEntity': (p) => `Một mã trong tiêu đề liên kết là ký tự ẩn ${p.name}, mà trang web và bản tin RSS không được chứa. Hãy xóa nó.`,
  'markdown.tooDeep': () =>
    'Ở đây danh sách hoặc trích dẫn lồng nhau quá nhiều tầng: bantin dừng đọc ở tầng này nên phần còn lại của bài sẽ bị mất. Hãy giảm số tầng lồng nhau.',

  'url.duplicate': (p) =>
    `Bài này có địa chỉ "${p.url}", trùng với ${p.other}; cả hai sẽ được ghi vào ${p.output}. Hãy đổi tên một trong hai tệp, hoặc đặt cho một bài một "slug:" riêng.`,
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Những gì bantin nói về ảnh, trang riêng, địa chỉ cũ (aliases), các tệp ghi đè lên nhau và liên
// kết giữa các bài, bằng tiếng Việt. Cùng các mã với en-pages.ts.
import type { enPages } from './en-pages.js';

const ALIAS_EXAMPLE = 'ví dụ "/tin-cu/" hoặc "/2019/05/tin-cu.html"';
const BASE_URL_EXAMPLE = 'ví dụ "https://backan.gov.vn/bantin/"';
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const viPages: { readonly [Id in keyof typeof enPages]: (typeof enPages)[Id] } = {
  'dev.notListening': () => 'khi nó bắt đầu lắng nghe',
  'dev.forbidden': (p) =>
    `403 Forbidden: bantin dev chỉ trả lời ở địa chỉ của nó, ${p.own}, không trả lời ở "${p.asked}". Hãy mở địa chỉ đó, hoặc chạy bantin dev với --host là tên bạn dùng.`,
  'character.lone': (p) => `${p.hex} (nửa ký tự: một mã thoát như "\\uD800" thiếu nửa còn lại)`,
  'character.bidi': (p) => `${p.hex} (ký tự điều khiển hướng chữ, đảo ngược phần chữ sau nó, chưa được đóng bằng U+202C trên cùng dòng)`,
  'character.isolate': (p) => `${p.hex} (ký tự cô lập hướng chữ, đảo ngược phần chữ sau nó, chưa được đóng bằng U+2069 trên cùng dòng)`,
  'config.notAllowed': () => 'không được phép',
  'hint.author': () => 'Tác giả',
  'hint.summary': () => 'Sapo: một hai câu tóm tắt, in đậm dưới tiêu đề',
  'hint.category': () => 'Chuyên mục, ví dụ: Thời sự',
  'hint.tags': () => 'Từ khóa, ví dụ: [giáo dục, học sinh]',
  'cli.at': (p) => `${p.where}  ${p.text}`,
  'cli.photosMade': (p) => `Đã tạo ${p.count} ảnh theo các cỡ trang dùng; .bantin-cache/images/ giữ chúng cho lần dựng sau.`,
  'config.baseUrlNotWeb': (p) =>
    `baseUrl ${p.value} không phải là địa chỉ web; hãy viết địa chỉ của trang như trình duyệt hiển thị, bắt đầu bằng https:// hoặc http://, ${BASE_URL_EXAMPLE}.`,
  'config.baseUrlQuery': (p) =>
    `baseUrl ${p.value} có phần "?" hoặc "#"; địa chỉ mọi trang được ghép thêm vào nó, nên chỉ viết địa chỉ của trang, ${BASE_URL_EXAMPLE}.`,
  'template.listItem': (p) => `mục danh sách của ${p.file}`,
  'template.pageOf': (p) => `trang của ${p.file}`,
  'template.errorMaking': (p) => `Lỗi trong mẫu giao diện khi tạo ${p.making}: ${p.detail}`,
  'file.tooLarge': (p) =>
    `Tệp nặng ${p.size}; bantin chỉ đọc bài viết đến ${p.max}. Tệp lớn như vậy không phải là nội dung bản tin: hãy để video, tệp nén và tài liệu trong static/ rồi đặt liên kết đến chúng.`,
  'file.deleted': () => 'Tệp đã bị xóa hoặc chuyển đi trong lúc dựng trang. Hãy dựng lại.',
  'field.bothAuthors': () => 'Bài viết có cả author: lẫn authors:. Hãy giữ một trong hai, ghi đủ mọi tên trong đó.',
  'expected.author': () => 'một tên, hoặc danh sách tên như [Minh Hiệp, Thu Hà]',
  'expected.authors': () => 'danh sách tên như [Minh Hiệp, Thu Hà]',
  'expected.pinned': () => 'true, false, hoặc ngày thông báo còn được ghim, ví dụ 2020-10-01',
  'expected.image': () => 'địa chỉ của một ảnh, ví dụ anh-cau.jpg (cạnh bài viết) hoặc /anh/cau.jpg (trong static/)',
  'expected.aliases': () => 'danh sách địa chỉ cũ như [/tin-cu/]',
  'expected.number': () => 'một số',
  'expected.pixels': (p) => `một số điểm ảnh, ví dụ ${p.example}`,
  'field.sizeTogether': () => 'image_width và image_height đi cùng nhau: hãy ghi cả trường còn lại, hoặc bỏ cả hai.',
  'cli.brokenLeftCount': (p) => `${p.count} liên kết hỏng hoặc ảnh thiếu`,
  'cli.brokenLeft': () => 'vẫn còn trong trang (brokenLinks: warn): "bantin check" liệt kê từng cái, kèm cách sửa.',
  'html.tagTooLong': (p) =>
    `Thẻ HTML này dài ${p.length} ký tự; bantin chỉ đọc thẻ dài đến ${p.max}. Nếu thẻ chứa ảnh viết dạng "data:", hãy lưu ảnh vào static/images/ rồi đặt liên kết đến nó.`,

  'page.noTitle': () => 'Trang chưa có tiêu đề. Hãy thêm dòng "title: ..." vào phần đầu.',
  'page.exists': () => 'Trang này đã có; bantin không ghi đè. Mở tệp để viết tiếp, hoặc chọn tiêu đề khác.',

  'alias.notThisSite': (p) =>
    `Địa chỉ cũ ${p.shown} không phải là địa chỉ của trang này${p.site}; hãy viết địa chỉ cũ tính từ thư mục của trang, ${ALIAS_EXAMPLE}.`,
  'alias.site': (p) => ` (${p.baseUrl})`,
  'alias.noSlash': (p) => `Địa chỉ cũ ${p.shown} phải bắt đầu bằng "/": hãy viết địa chỉ cũ tính từ thư mục của trang, ${ALIAS_EXAMPLE}.`,
  'alias.query': (p) =>
    `Địa chỉ cũ ${p.shown} có phần "?" hoặc "#", mà trang tĩnh không phân biệt được; hãy chỉ viết đường dẫn, ${ALIAS_EXAMPLE}.`,
  'alias.escape': (p) => `Địa chỉ cũ ${p.shown} có mã "%" bị hỏng; hãy viết chính các ký tự, ${ALIAS_EXAMPLE}.`,
  'alias.home': (p) => `Địa chỉ cũ ${p.shown} là trang chủ, vốn là một trang riêng; hãy viết địa chỉ cũ của bài viết, ${ALIAS_EXAMPLE}.`,
  'alias.notPlain': (p) =>
    `Địa chỉ cũ ${p.shown} không phải là đường dẫn đơn giản trong trang (không có "\\", "..", "." hoặc phần trống); hãy viết ${ALIAS_EXAMPLE}.`,
  'alias.notList': () => 'aliases phải là danh sách địa chỉ cũ như [/tin-cu/], hoặc một địa chỉ.',
  'alias.notText': (p) => `Mỗi địa chỉ cũ phải là một địa chỉ như "/tin-cu/", nhưng mục thứ ${p.item} không phải là chữ.`,
  'alias.moved': (p) =>
    `Địa chỉ của bài viết đã đổi từ lần dựng trước, từ "/${p.from}" thành "/${p.to}": các liên kết đến địa chỉ cũ, trên trang khác và trên báo in, nay không dẫn đến đâu. Hãy thêm "aliases: [/${p.from}]" để đưa người đọc về đây${p.keep}.`,
  'alias.keepSlug': (p) => ` (hoặc "slug: ${p.slug}" để giữ địa chỉ cũ)`,
  'alias.gone': (p) =>
    `Tệp này không còn, và địa chỉ lần dựng trước đã đăng nó, "/${p.url}", nay không dẫn đến đâu. Nếu bài được chuyển hoặc đổi tên, hãy thêm "aliases: [/${p.url}]" vào bài.`,

  'clash.theArticle': (p) => `bài viết ${p.file}`,
  'clash.thePage': (p) => `trang riêng ${p.file}`,
  'clash.madePage': (p) => `trang bantin tạo ở ${p.url}`,
  'clash.pageThere': (p) =>
    `Trang này sẽ được ghi vào ${p.output}, là chỗ của ${p.what}. Hãy đổi tên tệp, hoặc cho trang một "slug:" riêng.`,
  'clash.alias': (p) => `Địa chỉ cũ "/${p.path}"`,
  'clash.thisArticle': () => 'Bài viết này',
  'clash.theAddress': (p) => `địa chỉ ${p.path}`,
  'clash.written': (p) => `${p.who} sẽ được ghi vào ${p.path}, trùng với ${p.other}. ${p.fix}`,
  'clash.writeOnce': () => 'Hãy chỉ viết một lần.',
  'clash.removeAlias': () => 'Hãy bỏ địa chỉ cũ này: địa chỉ đó đã dẫn đến nơi khác.',
  'clash.giveSlug': () => 'Hãy cho bài viết một "slug:" riêng, hoặc đổi tên tệp của bài.',
  'clash.aliasOf': (p) => `địa chỉ cũ "/${p.path}" của ${p.place}`,
  'clash.listing': () => 'một trang danh sách của trang thông tin',
  'clash.madeAt': (p) => `một trang bantin tạo (${p.output})`,
  'clash.articleData': () => 'Tệp dữ liệu mở của bài viết này',
  'clash.article': () => 'Bài viết này',
  'clash.static': () => 'Tệp này',
  'clash.theme': () => 'Tệp giao diện này',
  'clash.page': () => 'Một trang bantin tạo',
  'clash.same': (p) => `là chỗ của ${p.named}`,
  'clash.case': (p) =>
    `và ${p.named} vào ${p.path}: máy chủ không phân biệt chữ hoa với chữ thường (Windows, macOS và nhiều máy chủ web) sẽ chỉ giữ một trong hai`,
  'clash.inside': (p) => `trong thư mục ${p.path}/, nhưng ${p.path} là ${p.named}`,
  'clash.around': (p) => `nhưng ${p.named} cần một thư mục cùng tên cho ${p.path}`,
  'clash.fixArticle': () => 'Hãy cho bài viết một "slug:" khác.',
  'clash.fixStatic': () => 'Hãy đổi tên hoặc chuyển tệp trong thư mục static.',
  'clash.fixStaticOrSlug': () => 'Hãy đổi tên hoặc chuyển tệp trong thư mục static, hoặc cho bài viết một "slug:" khác.',
  'clash.fixTheme': () => 'Hãy đổi tên tệp giao diện.',
  'clash.fixPage': (p) => `Hãy đổi permalink trong ${p.config}.`,
  'clash.problem': (p) => `${p.what} sẽ được ghi vào ${p.path}, ${p.why}. ${p.fix}`,
  'clash.articlePage': (p) => `trang của bài viết ${p.file}`,
  'clash.articleDataOf': (p) => `tệp dữ liệu mở của bài viết ${p.file}`,
  'clash.staticFile': (p) => `tệp tĩnh ${p.file}`,
  'clash.themeFile': (p) => `tệp giao diện ${p.file}`,
  'clash.aPage': () => 'một trang bantin tạo',
  'clash.aFile': () => 'một tệp bantin tạo',

  'check.staticMissing': (p) =>
    `${capital(p.what)} ${p.link} được viết đến tệp static/${p.path}, nhưng tệp đó không có. Hãy đặt tệp vào đó, hoặc sửa đường dẫn; đường dẫn tính từ tệp của bài viết này.`,
  'check.climbsOut': (p) =>
    `${capital(p.what)} ${p.link} đi ra ngoài thư mục của trang khi tính từ địa chỉ của bài (${p.url}). Hãy viết nó tính từ tệp của bài (đến static/ hoặc đến tệp .md của bài khác), để nó đúng dù địa chỉ thế nào.`,
  'check.articleFileMissing': (p) =>
    `Liên kết ${p.link} dẫn đến tệp bài viết ${p.file} trong thư mục nội dung, nhưng tệp đó không có. Hãy sửa đường dẫn; nó tính từ tệp của bài viết này.`,
  'check.thisArticle': () => 'bài này',
  'check.scheduledLater': () => 'đã hẹn giờ đăng',
  'check.anchorMissing': (p) =>
    `Liên kết ${p.link} dẫn đến "#${p.anchor}", nhưng ${p.where} không có đề mục hay chú thích nào mang mã đó.${p.ids}`,
  'check.anchorIds': (p) => ` Các mã có: ${p.known}.`,
  'check.moreBroken': (p) =>
    `Còn ${p.count} liên kết hỏng hoặc ảnh thiếu nữa (brokenLinks: warn); "bantin check" liệt kê đủ.`,

  'photo.problem': (p) => `Ảnh ${p.file} ${p.problem}.`,
  'photo.notPicture': () => 'không phải là ảnh (hoặc đã hỏng): hãy lưu lại dạng JPEG, PNG hoặc WebP',
  'photo.format': (p) => `là tệp ${p.format}, mà trình duyệt không hiển thị: hãy lưu dạng JPEG, PNG hoặc WebP`,
  'photo.noSize': () => 'không đọc được kích thước: hãy lưu lại',
  'photo.svgScript': () => 'là hình vẽ SVG có mã lệnh hoặc nội dung nhúng, có thể chạy trên trang: hãy lưu lại không có chúng, hoặc dạng PNG',
  'photo.truncated': (p) => `không đọc được đến hết (${p.reason}): hãy lưu lại dạng JPEG, PNG hoặc WebP`,
  'photo.unreadable': (p) => `Không đọc được ảnh ${p.file}: ${p.reason}.`,
  'photo.oversized': (p) =>
    `Ảnh ${p.file} cỡ ${p.width}×${p.height} điểm ảnh; trang chỉ dùng rộng nhất ${p.widest} điểm ảnh. Mỗi lần ảnh đổi, việc tạo ảnh mất thời gian: hãy lưu ảnh rộng khoảng ${p.suggested} điểm ảnh.`,
  'photo.defaultMissing': (p) => `images.default là ${p.value}, nhưng không có static/${p.path}. Hãy đặt ảnh vào đó, hoặc sửa mục cài đặt.`,
  'photo.coverNoAlt': (p) =>
    `Ảnh đại diện ${p.target} chưa có lời mô tả. Hãy thêm dòng "image_alt: ..." nói ảnh có gì, cho người đọc không nhìn thấy ảnh.${p.statement}`,
  'photo.noAlt': (p) =>
    `Ảnh ${p.target} chưa có lời mô tả. Hãy viết ảnh có gì giữa hai dấu ngoặc vuông, ví dụ ![Lễ khai giảng tại Bắc Kạn](${p.shown}), cho người đọc không nhìn thấy ảnh.${p.statement}`,
  'photo.altPromised': () => ' Tuyên bố về khả năng tiếp cận (conformance: full trong bantin.yaml) cam kết mọi ảnh đều có lời mô tả.',
  'photo.missing': (p) => `Không có ảnh ${p.target}${p.where}. Hãy đặt tệp vào đó (cạnh bài viết, hoặc trong static/), hoặc sửa địa chỉ.`,
  'photo.looked': (p) => `: bantin đã tìm ${p.paths}`,
  'photo.coverNotWeb': (p) =>
    `Ảnh đại diện ${p.target} không được hiển thị: ảnh trên trang khác phải viết đủ địa chỉ, bắt đầu bằng https://. Hãy viết như vậy, hoặc đặt ảnh cạnh bài viết.`,
  'photo.tooLarge': (p) =>
    `Ảnh ${p.file} nặng ${p.size}; bantin chỉ tạo ảnh từ tệp đến ${p.max} ("limits: photoMB:" trong bantin.yaml). Hãy lưu ảnh nhỏ hơn: ${p.enough} là đủ cho màn hình.`,
  'static.tooLarge': (p) =>
    `Tệp nặng ${p.size}; bantin chỉ đăng tệp trong static/ đến ${p.max} ("limits: staticFileMB:" trong bantin.yaml). Phần lớn máy chủ từ chối tệp lớn hơn: hãy đưa video lên trang video rồi đặt liên kết, hoặc làm tệp nhỏ lại.`,
  'photo.both': (p) => `${p.first} và ${p.second}`,
};

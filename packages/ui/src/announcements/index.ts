export { AnnouncementBanner } from "./AnnouncementBanner.tsx";
export { AnnouncementList } from "./AnnouncementList.tsx";
export { audienceLabel, inLanguage, invalidateAnnouncements, publishedLabel } from "./api.ts";
export type { AnnouncementRow, MyAnnouncement, MyAnnouncements } from "./api.ts";

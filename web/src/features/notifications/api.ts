import { queryOptions } from '@tanstack/react-query';
import { api, query } from '@/lib/http';

export type Notification = {
  notificationId: string;
  orderId: string;
  template: string;
  subject: string;
  channel: string;
  recipient: string;
  status: string;
  createdAt: string;
};

export type Page<T> = {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
};

export const notificationsQuery = (page: number) =>
  queryOptions({
    queryKey: ['notifications', page],
    queryFn: async ({ signal }) =>
      (
        await api<Page<Notification>>(
          `/api/notification/notifications${query({ page, size: 20 })}`,
          {
            auth: 'required',
            signal,
          },
        )
      ).data,
    placeholderData: (previous) => previous,
  });
